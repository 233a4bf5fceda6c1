import { type Classifier, createClassifier } from './classifier';
import { loadModel } from './model-file';

// The shipped model (services/routing/data/model.json): these are the decisions the service will make.
const shipped: Classifier = createClassifier(loadModel());

describe('classify with the shipped model', () => {
  it('given S1, a burning transformer in a blackout, when classified, then FIRE with POWER, urgent', () => {
    const decision = shipped.classify('杨家山停电了，变压器着火了在冒烟。', {
      channel: 'wechat-resident',
      unit: 'YANGJIASHAN',
    });
    expect(decision).toMatchObject({ departmentCode: 'FIRE', urgent: true, category: 'fire' });
    expect(decision.coDepartments[0]).toBe('POWER');
  });

  it('given S2, a drought without drinking water, when classified, then WATER with FIRE (water trucks)', () => {
    const decision = shipped.classify('田家湾村干旱，家里没有水喝，连塘里都没有水了，请村领导帮忙解决。', {
      channel: 'wechat-resident',
      unit: 'TIANJIAWAN',
    });
    expect(decision.departmentCode).toBe('WATER');
    expect(decision.coDepartments[0]).toBe('FIRE');
  });

  it('given S3, a blocked sewer, when classified, then URBAN, general, not urgent', () => {
    expect(
      shipped.classify('南江北路下水道堵塞污水外流，影响居民出行，希望相关单位进行处理。', { unit: 'NANJIANG' }),
    ).toMatchObject({ departmentCode: 'URBAN', complexity: 'general', urgent: false, category: 'sewer-and-drain' });
  });

  it('given a hotline transcript ("来电人反映") about a drought, when classified, then WATER, not POWER', () => {
    const decision = shipped.classify(
      '来电人反映：岳峰镇田家湾村持续干旱已四十余天，村内水井、山塘基本干涸，约六十户村民饮水困难，请求尽快组织抗旱送水。',
      { channel: 'hotline-12345' },
    );
    expect(decision).toMatchObject({ departmentCode: 'WATER', urgent: true });
  });

  it('given a village cadre withholding compensation, when classified, then DISCIPLINE by rule', () => {
    const decision = shipped.classify('村干部以工作经费名义从每户补偿款中扣留10%', { channel: 'wechat-resident' });
    expect(decision).toMatchObject({ departmentCode: 'DISCIPLINE', category: 'official-misconduct' });
    expect(decision.confidence).toBeGreaterThanOrEqual(0.95);
    expect(decision.reason).toMatch(/^rule official-misconduct \(村干部 \+ 扣留\)/);
  });

  it('given a park enterprise asking for a service, when classified, then DEVZONE; reporting a fault, POWER', () => {
    const context = { channel: 'wechat-enterprise', unit: 'NANZHOU' };
    expect(shipped.classify('我司员工想申请园区的人才公寓，还有房源吗？', context).departmentCode).toBe('DEVZONE');
    expect(shipped.classify('我司今早8点起突然断电，两条产线全部停机，供电所说在抢修', context).departmentCode).toBe(
      'POWER',
    );
  });

  it('given a text with no word the model knows, when classified, then TOWN by territorial responsibility', () => {
    expect(shipped.classify('Hello 😀', { channel: 'app' })).toMatchObject({
      departmentCode: 'TOWN',
      reason: expect.stringMatching(/territorial default/) as unknown,
    });
    expect(shipped.classify('').departmentCode).toBe('TOWN');
  });

  it('given any text, when classified, then a confidence in [0, 1] and a reason', () => {
    for (const text of ['伏岭社区停电了', '路灯坏了', '孩子想在镇上小学读书', '']) {
      const { confidence, reason } = shipped.classify(text);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
      expect(reason.length).toBeGreaterThan(0);
    }
  });
});

describe('serviceCode from the channel', () => {
  it('given a known service code, when classified, then it decides the department and category', () => {
    const decision = shipped.classify('伏岭社区停电了', { serviceCode: 'garbage' });
    expect(decision).toMatchObject({ departmentCode: 'URBAN', category: 'garbage', confidence: 1 });
    expect(decision.reason).toMatch(/^service code garbage/);
  });

  it('given a service code over a rule, when classified, then the service code still wins', () => {
    expect(shipped.classify('变压器着火了', { serviceCode: 'power-line' }).departmentCode).toBe('POWER');
  });

  it('given an unknown service code, when classified, then the text decides and the reason says so', () => {
    const decision = shipped.classify('伏岭社区停电了', { serviceCode: 'no-such-code' });
    expect(decision.departmentCode).toBe('POWER');
    expect(decision.reason).toMatch(/unknown service code no-such-code ignored/);
  });

  it('given a service code, when classified, then urgency still comes from the text', () => {
    expect(shipped.classify('仓库着火了', { serviceCode: 'garbage' }).urgent).toBe(true);
  });
});

describe('determinism', () => {
  it('given the same text and context twice, when classified, then equal decisions not sharing arrays', () => {
    const context = { channel: 'wechat-resident', unit: 'YANGJIASHAN' };
    const first = shipped.classify('杨家山停电了，变压器着火了在冒烟。', context);
    const second = shipped.classify('杨家山停电了，变压器着火了在冒烟。', context);
    expect(second).toEqual(first);
    first.coDepartments.push('WATER');
    expect(shipped.classify('杨家山停电了，变压器着火了在冒烟。', context).coDepartments).toEqual(second.coDepartments);
  });

  it('given two classifiers over the same model, when classifying, then they agree', () => {
    const other = createClassifier(loadModel());
    expect(other.modelVersion).toBe(shipped.modelVersion);
    expect(other.classify('和城国际这两天自来水黄黄的')).toEqual(shipped.classify('和城国际这两天自来水黄黄的'));
  });
});
