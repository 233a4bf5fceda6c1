/**
 * The rules that decide where a statistical model should not: danger to life or property is urgent whatever the
 * model thinks; misconduct of officials goes to the discipline commission (DISCIPLINE); a park enterprise's service
 * request goes to the park's administration (DEVZONE), its faults and incidents to the functional department; an
 * active fire goes to FIRE. Each rule names its evidence (the words it matched) for the decision's reason.
 * Pure: they read only the normalised text and the context passed in.
 */

/** A rule's verdict: the words that made it fire. */
export interface RuleMatch {
  rule: string;
  evidence: string[];
}

interface NamedPattern {
  name: string;
  pattern: RegExp;
}

function firstMatches(text: string, patterns: readonly NamedPattern[]): RuleMatch[] {
  const matches: RuleMatch[] = [];
  for (const { name, pattern } of patterns) {
    const found = pattern.exec(text);
    if (found) matches.push({ rule: name, evidence: [found[0]] });
  }
  return matches;
}

/** Danger now: the departments must move within the hour, not within five days. */
const URGENT_PATTERNS: readonly NamedPattern[] = [
  { name: 'fire', pattern: /着火|起火|失火|火灾|烧起来|火势|火好大|大火|明火|冒(浓|黑)?烟|浓烟|黑烟/ },
  { name: 'explosion', pattern: /爆炸|炸开|爆燃/ },
  { name: 'gas-leak', pattern: /漏气|燃气泄漏|煤气泄漏|天然气泄漏|液化气.{0,6}泄漏/ },
  { name: 'electrocution', pattern: /触电|电线(垂落|掉|断)|冒火花|电火花|漏电/ },
  {
    name: 'collapse',
    pattern: /塌方|倒塌|垮塌|坍塌|会不会垮|要垮|要倒|随时可能倒|往下掉|砸到人|滑坡|泥石流/,
  },
  {
    name: 'flood-or-drowning',
    pattern: /溺水|落水|淹到|淹了|(?<!污)水漫|漫过|进屋|决堤|溃坝|管涌|坝.{0,8}渗水|渗水.{0,8}坝/,
  },
  { name: 'burst-main', pattern: /水管爆|爆管|管子爆/ },
  {
    name: 'people-trapped',
    pattern: /被困|困在|(电梯|手|脚|头|人|孩|伢子).{0,3}卡在|卡在.{0,12}(中间|里面)|关在.{0,4}里|关人|出不来|拔不出来/,
  },
  { name: 'missing-person', pattern: /走失|失踪|走丢|冇回来|没回来|不见了/ },
  { name: 'fraud-in-progress', pattern: /安全账户|去银行的路上|正在转账|紧急劝阻/ },
  {
    name: 'life-at-risk',
    pattern: /呼吸困难|昏迷|晕倒|中毒|送医|抢救|生命危险|轻生|跳楼|塔吊上|爬到.{0,4}上面|狂犬|被狗咬|咬伤/,
  },
  { name: 'no-drinking-water', pattern: /饮水困难|吃水困难|没有水喝|冇水喝|没水喝|水井.{0,6}干涸/ },
  { name: 'explicit-emergency', pattern: /紧急|急急急|快来人|立即派|救命|十万火急/ },
];

const MANY_HOUSEHOLDS = /([0-9]+|[几十百千数多两三四五六七八九]+)(户|家)|全村|整个村|好多人家|家家户户/;

/**
 * Urgent matches. "No drinking water" is urgent only for many households (a shortage in one home is a general
 * water-supply petition).
 */
export function urgentMatches(text: string): RuleMatch[] {
  return firstMatches(text, URGENT_PATTERNS).filter(
    (match) => match.rule !== 'no-drinking-water' || MANY_HOUSEHOLDS.test(text),
  );
}

/** Officials and village cadres (村干部): the people whose misconduct DISCIPLINE handles. */
const OFFICIAL =
  /村干部|干部|村支书|支书|书记|村主任|村委会主任|社区主任|居委会主任|组长|村会计|会计|网格员|专干|工作人员|办事员|公职人员|村委会/;
/** Abuse of small and micro power (小微权力): bribes, 吃拿卡要, withheld or embezzled money, favouritism. */
const MISCONDUCT =
  /受贿|行贿|索要|索贿|吃拿卡要|好处费|辛苦费|回扣|红包|塞.{0,2}烟|送礼|请吃饭|克扣|扣留|扣下|截留|挪用|侵占|贪污|虚报|虚开|冒领|多报|优亲厚友|亲属|亲戚|亲弟弟|侄子|自己家|刁难|卡你|态度恶劣|玩手机|打麻将|吃空饷/;

export function misconductMatch(text: string): RuleMatch | undefined {
  const official = OFFICIAL.exec(text);
  const act = MISCONDUCT.exec(text);
  return official && act ? { rule: 'official-misconduct', evidence: [official[0], act[0]] } : undefined;
}

/** A fire burning now (not waste burning, which is pollution). */
const ACTIVE_FIRE = /着火|起火|失火|火灾|烧起来|火势|火好大|大火|明火|冒(浓|黑)?烟|浓烟|黑烟/;
const NOT_A_FIRE = /焚烧|烧.{0,4}(轮胎|垃圾|秸秆|电线)/;

export function activeFireMatch(text: string): RuleMatch | undefined {
  const fire = ACTIVE_FIRE.exec(text);
  return fire && !NOT_A_FIRE.test(text) ? { rule: 'active-fire', evidence: [fire[0]] } : undefined;
}

/** A person missing or a fraud under way: the police, now. */
const POLICE_EMERGENCY =
  /走失|失踪|走丢|(孩|伢子|老人|儿子|女儿|爸|妈|爹|娘).{0,10}(冇回来|没回来|不见了)|安全账户|去银行的路上|正在转账/;

export function policeEmergencyMatch(text: string): RuleMatch | undefined {
  const found = POLICE_EMERGENCY.exec(text);
  return found ? { rule: 'police-emergency', evidence: [found[0]] } : undefined;
}

const PARK = /园区|工业园|经开区|管委会/;
const ENTERPRISE = /我司|公司|企业|厂|商户/;
const SERVICE_REQUEST =
  /申请|申报|办理|手续|许可|代办|协调|公寓|招聘|招工|学位|入学|上学|小孩|子女|配套|食堂|通气|接通|投产|产权证|不动产/;
/** Faults and incidents go to the functional department even when a park enterprise reports them. */
const FAULT_OR_INCIDENT =
  /停电|断电|停水|冒烟|着火|起火|噪音|污染|偷排|排放|欠薪|拖欠|工资|加班|事故|故障|抢修|损坏|坏了|泄漏|塌|暗示|刁难/;

export interface ParkContext {
  channel?: string;
  /** The petition comes from a unit of kind "park". */
  inPark: boolean;
}

/** A park enterprise asking for a service (permits, utilities, staffing, employees' families): DEVZONE. */
export function parkServiceMatch(text: string, context: ParkContext): RuleMatch | undefined {
  const park = context.inPark ? 'unit in park' : PARK.exec(text)?.[0];
  const enterprise = context.channel === 'wechat-enterprise' ? 'enterprise channel' : ENTERPRISE.exec(text)?.[0];
  const request = SERVICE_REQUEST.exec(text)?.[0];
  if (!park || !enterprise || !request || FAULT_OR_INCIDENT.test(text)) return undefined;
  return { rule: 'park-enterprise-service', evidence: [park, enterprise, request] };
}

interface CoDepartmentRule {
  name: string;
  primary: string;
  coDepartment: string;
  pattern: RegExp;
}

/** Departments that join the primary one because of what the text says, whatever the model's second choice. */
const CO_DEPARTMENT_RULES: readonly CoDepartmentRule[] = [
  // A fire at power equipment: FIRE puts it out, POWER restores the supply (S1).
  { name: 'fire-at-power', primary: 'FIRE', coDepartment: 'POWER', pattern: /变压器|电线|配电|停电|电杆|线路|电表/ },
  { name: 'fire-in-forest', primary: 'FIRE', coDepartment: 'FOREST', pattern: /后山|山上|山顶|山林|林地|山火|森林/ },
  // Fire trucks deliver drinking water in a drought (S2).
  {
    name: 'drinking-water-by-truck',
    primary: 'WATER',
    coDepartment: 'FIRE',
    pattern: /饮水困难|吃水困难|没有水喝|冇水喝|没水喝|送水/,
  },
  { name: 'water-by-fire-truck', primary: 'FIRE', coDepartment: 'WATER', pattern: /送水|停水|饮水/ },
];

export function coDepartmentMatches(text: string, primary: string): { departmentCode: string; match: RuleMatch }[] {
  return CO_DEPARTMENT_RULES.filter((rule) => rule.primary === primary)
    .map((rule) => ({ rule, found: rule.pattern.exec(text) }))
    .filter((candidate): candidate is { rule: CoDepartmentRule; found: RegExpExecArray } => candidate.found !== null)
    .map(({ rule, found }) => ({
      departmentCode: rule.coDepartment,
      match: { rule: rule.name, evidence: [found[0]] },
    }));
}

/** Signs of a complex matter (复杂疑难): long-standing, repeated, many people, several departments. */
const COMPLEXITY_SIGNALS: readonly NamedPattern[] = [
  { name: 'repeated', pattern: /多次|反复|屡次|好几次|好多次|好几回|好多回|又.{0,3}了|无果|未果|没有结果/ },
  {
    name: 'long-standing',
    pattern:
      /长期|多年|常年|年年|[0-9一二两三四五六七八九十几]+年|半年|一年多|几个月|[0-9两三四五六七八九十]+个月|持续/,
  },
  {
    name: 'many-people',
    pattern:
      /[0-9十百几数多两三四五六七八九]+(户|名|个人|家企业|人)|村民们|好多人|好几家|大面积|十余|一群|几百万|几十|全村|联名/,
  },
  { name: 'buck-passing', pattern: /推诿|互相推|不归.{0,3}管|来回跑|到底找|找哪个|扯皮/ },
  { name: 'several-departments', pattern: /联合|多部门|会同|相关部门|协调|两村/ },
  { name: 'money', pattern: /补偿|补贴|款|账目|资金|万/ },
];

export function complexitySignals(text: string): RuleMatch[] {
  return firstMatches(text, COMPLEXITY_SIGNALS);
}
