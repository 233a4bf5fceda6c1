import { DEMO_DISTRICT } from '@petitions/district';
import type { DutyOfficer } from '../jurisdiction/duty';
import type { RoutingDecision } from './routing-decision';
import { acknowledgeBy, assignedPayload, type PetitionFacts, urgentNotice, workOrderPayload } from './work-orders';

const petition: PetitionFacts = {
  petitionId: '0198e5a2-3a00-7b10-8c20-1d2e3f405060',
  channel: 'wechat-resident',
  text: '杨家山停电了，变压器着火了在冒烟。',
  town: 'FUKOU_TOWN',
  unit: 'FULING',
  grid: 'FULING-02',
  address: '杨家山变电箱旁',
  receivedAt: new Date('2026-07-07T12:05:01.000Z'),
};

const decision: RoutingDecision = {
  disposition: 'assign',
  departmentCode: 'FIRE',
  coDepartments: ['POWER'],
  category: 'fire-smoke',
  complexity: 'general',
  urgent: true,
  confidence: 0.95,
  decidedBy: 'classifier',
  needsReview: false,
  doubts: [],
  reason: 'rule active-fire (着火); '.repeat(20),
};

const onDuty: DutyOfficer = {
  level: 'grid',
  scope: 'FULING-02',
  person: { id: 'g-2', name: '网格员 马丽娟', role: '网格员', channel: 'wechat-resident', handle: 'wx_2' },
};
const issuedAt = new Date('2026-07-07T12:05:02.000Z');
const timeouts = { general: 7200, urgent: 900 };

describe('work orders and assignments', () => {
  it('given an urgent decision, when the acknowledgement deadline is set, then 15 minutes; otherwise 2 hours', () => {
    expect(acknowledgeBy(issuedAt, true, timeouts).toISOString()).toBe('2026-07-07T12:20:02.000Z');
    expect(acknowledgeBy(issuedAt, false, timeouts).toISOString()).toBe('2026-07-07T14:05:02.000Z');
  });

  it('given a decision, when the assignment is built, then it carries category, confidence, urgency, duty and versions', () => {
    const payload = assignedPayload({
      petition,
      decision,
      onDuty,
      assignedAt: issuedAt,
      districtVersion: 'demo-2026.1',
      modelVersion: 'm1',
    });
    expect(payload).toMatchObject({
      departmentCode: 'FIRE',
      coDepartments: ['POWER'],
      category: 'fire-smoke',
      urgent: true,
      confidence: 0.95,
      decidedBy: 'classifier',
      needsReview: false,
      grid: 'FULING-02',
      onDuty: {
        level: 'grid',
        scope: 'FULING-02',
        personId: 'g-2',
        name: '网格员 马丽娟',
        role: '网格员',
        channel: 'wechat-resident',
        handle: 'wx_2',
      },
      districtVersion: 'demo-2026.1',
      modelVersion: 'm1',
    });
    expect(payload.reason).toHaveLength(200);
    expect(payload.reason.endsWith('…')).toBe(true);
  });

  it('given the co-department, when its work order is built, then role co, the location, the deadline, no contact', () => {
    const order = workOrderPayload({
      petition,
      decision,
      departmentCode: 'POWER',
      district: DEMO_DISTRICT,
      onDuty,
      issuedAt,
      timeouts,
    });
    expect(order).toEqual({
      petitionId: petition.petitionId,
      departmentCode: 'POWER',
      role: 'co',
      summary: petition.text,
      category: 'fire-smoke',
      town: 'FUKOU_TOWN',
      unit: 'FULING',
      grid: 'FULING-02',
      address: '杨家山变电箱旁',
      onDuty: expect.objectContaining({ personId: 'g-2' }) as unknown,
      complexity: 'general',
      urgent: true,
      coDepartments: ['POWER'],
      resolveBy: '2026-07-12T12:05:01.000Z',
      issuedAt: '2026-07-07T12:05:02.000Z',
      acknowledgeBy: '2026-07-07T12:20:02.000Z',
    });
  });

  it('given a territorial decision, when the TOWN work order is built, then it names the handling town', () => {
    const territorial = {
      ...decision,
      departmentCode: 'TOWN',
      coDepartments: [],
      complexity: 'complex' as const,
      handlingTown: 'FUKOU_TOWN',
    };
    const order = workOrderPayload({
      petition,
      decision: territorial,
      departmentCode: 'TOWN',
      district: DEMO_DISTRICT,
      issuedAt,
      timeouts,
    });
    expect(order).toMatchObject({ role: 'primary', handlingTown: 'FUKOU_TOWN', resolveBy: '2026-07-22T12:05:01.000Z' });
  });

  it('given an urgent petition, when the duty notice is written, then it has the text, the place and the departments', () => {
    expect(urgentNotice(petition, decision)).toBe(
      '【紧急诉求】杨家山停电了，变压器着火了在冒烟。（FUKOU_TOWN / FULING / FULING-02；已交办 FIRE、POWER）',
    );
  });
});
