import {
  activeFireMatch,
  coDepartmentMatches,
  complexitySignals,
  misconductMatch,
  parkServiceMatch,
  policeEmergencyMatch,
  urgentMatches,
} from './rules';
import { normalise } from './tokeniser';

const urgentRules = (text: string): string[] => urgentMatches(normalise(text)).map((match) => match.rule);

describe('urgentMatches', () => {
  it.each([
    ['fire', '杨家山停电了，变压器着火了在冒烟。'],
    ['fire', '后山烧起来了 风大'],
    ['explosion', '厂里刚才爆炸了一声'],
    ['gas-leak', '家中液化气罐阀门漏气，气味浓烈'],
    ['electrocution', '电杆被大风刮断，电线垂落路面'],
    ['electrocution', '变压器刚才还冒火花'],
    ['collapse', '土坯房随时可能倒塌'],
    ['collapse', '山塘的坝会不会垮哦'],
    ['flood-or-drowning', '水都淹到屋门口了'],
    ['flood-or-drowning', '有小孩溺水'],
    ['burst-main', '水管爆了 水喷得一层楼高'],
    ['people-trapped', '电梯卡在9楼和10楼中间了'],
    ['people-trapped', '听说还有人被困'],
    ['missing-person', '我家细伢子放学到现在冇回来'],
    ['fraud-in-progress', '要求将存款转入安全账户'],
    ['life-at-risk', '老人出现呼吸困难'],
    ['life-at-risk', '被狗咬了 卫生院冇狂犬疫苗'],
    ['no-drinking-water', '约六十户村民饮水困难'],
    ['explicit-emergency', '紧急！仓库那边'],
  ])('given %s words, when checked, then urgent by that rule: %s', (rule, text) => {
    expect(urgentRules(text)).toContain(rule);
  });

  it.each([
    '南江北路下水道堵塞污水外流，影响居民出行',
    '田家湾村干旱，家里没有水喝，连塘里都没有水了',
    '我们公司的不动产权证卡在哪个环节？',
    '南江北路那个下水道又堵了 污水漫得一马路都是',
    '油茶种植补贴什么时候发',
    '楼下邻居把狗关在阳台上 白天晚上都在叫',
  ])('given an ordinary petition, when checked, then not urgent: %s', (text) => {
    expect(urgentRules(text)).toEqual([]);
  });

  it('given no drinking water in one home only, when checked, then not urgent; for many households, urgent', () => {
    expect(urgentRules('家里没有水喝')).toEqual([]);
    expect(urgentRules('好多人家没有水喝')).toEqual(['no-drinking-water']);
  });

  it('given a match, when checked, then the evidence is the words matched', () => {
    expect(urgentMatches(normalise('变压器着火了'))).toEqual([{ rule: 'fire', evidence: ['着火'] }]);
  });
});

describe('misconductMatch (DISCIPLINE)', () => {
  it.each([
    '村干部以工作经费名义从每户补偿款中扣留10%',
    '家桥村开个证明都要给村会计塞包烟',
    '网格员要求每户给200元辛苦费才帮忙报材料',
    '社区干部在发放高龄津贴时，先扣下一部分',
    '村委会主任利用职务之便，指定其亲属承包',
    '有工作人员暗示要请吃饭，否则一直拖着',
  ])('given an official and an improper act, when checked, then misconduct: %s', (text) => {
    expect(misconductMatch(normalise(text))?.rule).toBe('official-misconduct');
  });

  it.each([
    ['an act without an official', '业委会主任与物业公司勾结，挪用小区公共收益'],
    ['an official without an act', '村干部来了也冇解决'],
    ['neither', '伏岭社区停电了'],
  ])('given %s, when checked, then no misconduct', (_case, text) => {
    expect(misconductMatch(normalise(text))).toBeUndefined();
  });
});

describe('activeFireMatch', () => {
  it('given a burning transformer, when checked, then an active fire', () => {
    expect(activeFireMatch(normalise('变压器着火了在冒烟'))).toEqual({ rule: 'active-fire', evidence: ['着火'] });
  });

  it('given waste burning with thick smoke, when checked, then not a fire for FIRE (pollution)', () => {
    expect(activeFireMatch(normalise('有人在山坳里焚烧废旧轮胎，浓烟刺鼻'))).toBeUndefined();
  });
});

describe('policeEmergencyMatch', () => {
  it('given a missing child or a fraud under way, when checked, then a police emergency', () => {
    expect(policeEmergencyMatch(normalise('细伢子放学到现在冇回来'))?.rule).toBe('police-emergency');
    expect(policeEmergencyMatch(normalise('要求将存款转入“安全账户”'))?.rule).toBe('police-emergency');
  });

  it('given money not back, when checked, then not a police emergency', () => {
    expect(policeEmergencyMatch(normalise('定金到现在没回来'))).toBeUndefined();
  });
});

describe('parkServiceMatch (DEVZONE)', () => {
  const enterprise = { channel: 'wechat-enterprise', inPark: false };

  it('given a park enterprise asking for a permit service, when checked, then DEVZONE', () => {
    expect(parkServiceMatch(normalise('我们是南洲工业园的一家企业，办理排污许可证希望园区代办'), enterprise)).toEqual({
      rule: 'park-enterprise-service',
      evidence: ['工业园', 'enterprise channel', '办理'],
    });
  });

  it('given a petition from a park unit, when checked, then the park is known without the word', () => {
    expect(
      parkServiceMatch(normalise('我司员工小孩要上小学，怎么申报？'), { channel: 'app', inPark: true })?.evidence,
    ).toEqual(['unit in park', '我司', '小孩']);
  });

  it('given a park enterprise reporting a fault, when checked, then not DEVZONE (the functional department)', () => {
    expect(
      parkServiceMatch(normalise('南洲工业园B区今早突然断电，麻烦帮忙协调一下抢修进度'), enterprise),
    ).toBeUndefined();
  });

  it('given a service request outside the park, when checked, then not DEVZONE', () => {
    expect(parkServiceMatch(normalise('我们公司想申请招聘会场次'), enterprise)).toBeUndefined();
  });
});

describe('coDepartmentMatches', () => {
  it('given a fire at a transformer, when FIRE is primary, then POWER joins (S1)', () => {
    expect(coDepartmentMatches(normalise('变压器着火了'), 'FIRE').map((match) => match.departmentCode)).toEqual([
      'POWER',
    ]);
  });

  it('given a drought without drinking water, when WATER is primary, then FIRE joins (S2)', () => {
    expect(
      coDepartmentMatches(normalise('田家湾村干旱，家里没有水喝'), 'WATER').map((match) => match.departmentCode),
    ).toEqual(['FIRE']);
  });

  it('given the same words under another primary department, when checked, then no rule adds anything', () => {
    expect(coDepartmentMatches(normalise('变压器着火了'), 'POWER')).toEqual([]);
  });
});

describe('complexitySignals', () => {
  it('given a matter repeated for years among many households, when checked, then those signals', () => {
    expect(complexitySignals(normalise('约六十户村民多次反映，两年无果')).map((match) => match.rule)).toEqual([
      'repeated',
      'long-standing',
      'many-people',
    ]);
  });

  it('given a simple request, when checked, then no signals', () => {
    expect(complexitySignals(normalise('路灯坏了'))).toEqual([]);
  });
});
