import { DEMO_DISTRICT } from '@petitions/district';
import { type OperatorChoice, operatorDecision } from './operator-decision';
import type { RoutingDecision } from './routing-decision';

const suggestion: RoutingDecision = {
  disposition: 'triage',
  departmentCode: 'TOWN',
  coDepartments: ['URBAN'],
  category: 'neighbourhood-dispute',
  complexity: 'general',
  urgent: false,
  confidence: 0.3,
  decidedBy: 'classifier',
  needsReview: false,
  doubts: ['confidence 0.30 below 0.40'],
  reason: 'model 0.30',
};

function decide(choice: OperatorChoice, town?: string): ReturnType<typeof operatorDecision> {
  return operatorDecision({
    choice,
    suggestion,
    district: DEMO_DISTRICT,
    operatorId: 'op-1',
    ...(town ? { town } : {}),
  });
}

describe('operatorDecision', () => {
  it('given a department, when decided, then that department with its first catalogue category, confidence 1', () => {
    expect(decide({ departmentCode: 'HOUSING', note: '物业问题' })).toEqual({
      ok: true,
      decision: {
        disposition: 'assign',
        departmentCode: 'HOUSING',
        coDepartments: ['URBAN'],
        category: 'property-management',
        complexity: 'general',
        urgent: false,
        confidence: 1,
        decidedBy: 'operator',
        needsReview: false,
        doubts: [],
        reason: 'operator op-1: 物业问题',
      },
    });
  });

  it('given only a category, when decided, then its department and complexity', () => {
    const result = decide({ category: 'land-homestead', coDepartments: [] });
    expect(result).toMatchObject({
      ok: true,
      decision: { departmentCode: 'NATRES', category: 'land-homestead', complexity: 'complex', coDepartments: [] },
    });
  });

  it('given the suggested territorial department and the town known, when decided, then the town handles it', () => {
    expect(decide({ departmentCode: 'TOWN' }, 'YUEFENG')).toMatchObject({
      ok: true,
      decision: { handlingTown: 'YUEFENG', category: 'neighbourhood-dispute' },
    });
  });

  it('given TOWN without a known town, when decided, then the operator must name it', () => {
    expect(decide({ departmentCode: 'TOWN' })).toEqual({
      ok: false,
      problems: ['town: a territorial (TOWN) matter needs the town, and routing does not know it'],
    });
    expect(decide({ departmentCode: 'TOWN', town: 'LONGCHUAN' })).toMatchObject({
      ok: true,
      decision: { handlingTown: 'LONGCHUAN' },
    });
  });

  it('given unknown codes, when decided, then each is named', () => {
    expect(decide({ departmentCode: 'MOON', category: 'cheese', coDepartments: ['MARS'], town: 'X' })).toEqual({
      ok: false,
      problems: [
        'category: unknown category cheese',
        'departmentCode: unknown department MOON',
        'coDepartments: unknown department MARS',
        'town: unknown town X',
      ],
    });
  });

  it('given neither department nor category, when decided, then refused', () => {
    expect(decide({ urgent: true })).toEqual({ ok: false, problems: ['departmentCode or category is required'] });
  });
});
