import { DEMO_DISTRICT } from '@petitions/district';
import { type Classification, loadClassifier } from '../classifier';
import { locate, type Location } from '../jurisdiction/location';
import { catalogueCategory, decideRouting, type RoutingDecision } from './routing-decision';

const classifier = loadClassifier();
const THRESHOLD = 0.4;

/** The service's own path: locate, classify with the place, decide. */
function route(
  text: string,
  hints: { channel?: string; unit?: string; town?: string; category?: string } = {},
): RoutingDecision {
  const location = locate(DEMO_DISTRICT, { text, ...hints });
  const classification = classifier.classify(text, {
    channel: hints.channel ?? 'wechat-resident',
    town: location.town,
    unit: location.unit,
  });
  return decideRouting({
    classification,
    channelCategory: hints.category,
    location,
    district: DEMO_DISTRICT,
    confidenceThreshold: THRESHOLD,
  });
}

function classified(overrides: Partial<Classification>): Classification {
  return {
    departmentCode: 'URBAN',
    coDepartments: [],
    complexity: 'general',
    urgent: false,
    confidence: 0.9,
    category: 'garbage',
    reason: 'model 0.90',
    ...overrides,
  };
}

const somewhere: Location = { town: 'FUKOU_TOWN', unit: 'FULING', source: 'channel' };

describe('decideRouting with the shipped classifier (acceptance scenarios)', () => {
  it('S1: a burning transformer and a blackout → FIRE with POWER, urgent, assigned at once', () => {
    expect(route('杨家山停电了，变压器着火了在冒烟。', { unit: 'FULING' })).toMatchObject({
      disposition: 'assign',
      departmentCode: 'FIRE',
      coDepartments: expect.arrayContaining(['POWER']) as unknown,
      category: 'fire-smoke',
      urgent: true,
      decidedBy: 'classifier',
    });
  });

  it('S2: drought and no drinking water → WATER with FIRE (water trucks), general', () => {
    const decision = route('田家湾村干旱，家里没有水喝，连塘里都没有水了，请村领导帮忙解决。', { unit: 'TIANJIAWAN' });
    expect(decision).toMatchObject({ disposition: 'assign', departmentCode: 'WATER', complexity: 'general' });
    expect(decision.coDepartments).toContain('FIRE');
  });

  it('S3: a blocked sewer on a road → URBAN, general, catalogue category sewer-drain', () => {
    expect(
      route('南江北路下水道堵塞污水外流，影响居民出行，希望相关单位进行处理。', { unit: 'NANJIANG' }),
    ).toMatchObject({
      disposition: 'assign',
      departmentCode: 'URBAN',
      category: 'sewer-drain',
      complexity: 'general',
      urgent: false,
    });
  });

  it('a hotline transcript about a drought (once misrouted to POWER by "来电") → WATER', () => {
    const text =
      '来电人反映：岳峰镇田家湾村持续干旱已四十余天，村内水井、山塘基本干涸，约六十户村民饮水困难，请求尽快组织抗旱送水。';
    expect(route(text, { channel: 'hotline-12345' }).departmentCode).toBe('WATER');
  });

  it('a text that says nearly nothing → a guess in doubt: triage, nothing assigned', () => {
    const decision = route('请问这个怎么办', { unit: 'FULING' });
    expect(decision).toMatchObject({ disposition: 'triage', needsReview: false });
    expect(decision.doubts[0]).toMatch(/^confidence 0\.\d\d below 0\.40$/);
  });
});

describe('decideRouting', () => {
  it('given a confident classification, when decided, then assigned with the catalogue category and no doubt', () => {
    expect(
      decideRouting({
        classification: classified({ category: 'sewer-and-drain' }),
        location: somewhere,
        district: DEMO_DISTRICT,
        confidenceThreshold: THRESHOLD,
      }),
    ).toEqual({
      disposition: 'assign',
      departmentCode: 'URBAN',
      coDepartments: [],
      category: 'sewer-drain',
      complexity: 'general',
      urgent: false,
      confidence: 0.9,
      decidedBy: 'classifier',
      needsReview: false,
      doubts: [],
      reason: 'model 0.90',
    });
  });

  it('given low confidence, when decided, then triage with the reason', () => {
    const decision = decideRouting({
      classification: classified({ confidence: 0.31 }),
      location: somewhere,
      district: DEMO_DISTRICT,
      confidenceThreshold: THRESHOLD,
    });
    expect(decision).toMatchObject({
      disposition: 'triage',
      needsReview: false,
      doubts: ['confidence 0.31 below 0.40'],
    });
  });

  it('given low confidence but urgent, when decided, then assigned at once to the best guess and flagged for review', () => {
    const decision = decideRouting({
      classification: classified({ confidence: 0.2, urgent: true }),
      location: somewhere,
      district: DEMO_DISTRICT,
      confidenceThreshold: THRESHOLD,
    });
    expect(decision).toMatchObject({ disposition: 'assign', departmentCode: 'URBAN', needsReview: true });
  });

  it('given a territorial matter in a known town, when decided, then the town handles it', () => {
    const decision = decideRouting({
      classification: classified({ departmentCode: 'TOWN', category: 'general-affairs' }),
      location: { town: 'YUEFENG', source: 'text' },
      district: DEMO_DISTRICT,
      confidenceThreshold: THRESHOLD,
    });
    expect(decision).toMatchObject({
      disposition: 'assign',
      handlingTown: 'YUEFENG',
      category: 'neighbourhood-dispute',
    });
  });

  it('given a territorial matter whose town is unknown, when decided, then triage even when confident', () => {
    const decision = decideRouting({
      classification: classified({ departmentCode: 'TOWN', category: 'general-affairs' }),
      location: { source: 'unknown' },
      district: DEMO_DISTRICT,
      confidenceThreshold: THRESHOLD,
    });
    expect(decision).toMatchObject({ disposition: 'triage', doubts: ['territorial matter but the town is unknown'] });
    expect(decision.handlingTown).toBeUndefined();
  });

  it('given TOWN as a co-department, when decided, then the town handles that work order', () => {
    const decision = decideRouting({
      classification: classified({ departmentCode: 'FOREST', coDepartments: ['TOWN'], category: 'forestry' }),
      location: { town: 'LONGCHUAN', unit: 'SHILONG', source: 'channel' },
      district: DEMO_DISTRICT,
      confidenceThreshold: THRESHOLD,
    });
    expect(decision.handlingTown).toBe('LONGCHUAN');
  });

  it('given a channel category, when decided, then its department, urgency and complexity, with confidence 1', () => {
    const decision = decideRouting({
      classification: classified({ departmentCode: 'TOWN', confidence: 0.1, coDepartments: ['URBAN'] }),
      channelCategory: 'power-outage',
      location: somewhere,
      district: DEMO_DISTRICT,
      confidenceThreshold: THRESHOLD,
    });
    expect(decision).toMatchObject({
      disposition: 'assign',
      departmentCode: 'POWER',
      coDepartments: ['URBAN'],
      category: 'power-outage',
      urgent: true,
      complexity: 'general',
      confidence: 1,
      decidedBy: 'channel-category',
      reason: 'channel category power-outage',
    });
  });

  it('given a channel category and a text that shows more, when decided, then urgency and complexity are kept', () => {
    const decision = decideRouting({
      classification: classified({ urgent: true, complexity: 'complex' }),
      channelCategory: 'garbage',
      location: somewhere,
      district: DEMO_DISTRICT,
      confidenceThreshold: THRESHOLD,
    });
    expect(decision).toMatchObject({ departmentCode: 'URBAN', urgent: true, complexity: 'complex' });
  });

  it('given an unknown channel category, when decided, then the classifier decides and the reason says so', () => {
    const decision = decideRouting({
      classification: classified({}),
      channelCategory: 'no-such-code',
      location: somewhere,
      district: DEMO_DISTRICT,
      confidenceThreshold: THRESHOLD,
    });
    expect(decision).toMatchObject({
      decidedBy: 'classifier',
      reason: 'unknown channel category no-such-code ignored; model 0.90',
    });
  });
});

describe('catalogueCategory', () => {
  it.each([
    ['garbage', 'URBAN', 'garbage'],
    ['sewer-and-drain', 'URBAN', 'sewer-drain'],
    ['fire', 'FIRE', 'fire-smoke'],
    ['city-appearance', 'URBAN', 'sewer-drain'],
    ['sewer-and-drain', 'HOUSING', 'property-management'],
    ['anything', 'NOWHERE', 'anything'],
  ])('given lexicon category %s for %s, when mapped, then %s', (code, department, expected) => {
    expect(catalogueCategory(DEMO_DISTRICT, code, department)).toBe(expected);
  });
});
