import type { StoredLexicon } from './model';

/**
 * The lexicon: prior knowledge the model starts from (docs/routing-model.md).
 *
 * Categories: each is an Open311 service code (a channel may send it as `serviceCode`) that names exactly one
 * department, with the words that usually signal it. The words come from the departments' "handles" texts in the
 * district reference and the ordinary vocabulary of 12345 work orders, revised once against the dev set's errors.
 * They are not decisions: each matched category is one feature (`k:<code>`, valued by how many of its words occur)
 * whose weight starts at a prior for its department, and training moves it as far as the data says. The first
 * category of a department is its default. Mentions (`m:<department>`) are departments the text names.
 */
export interface Category {
  /** Open311 service code. */
  code: string;
  departmentCode: string;
  name: string;
  keywords: RegExp;
}

export const CATEGORIES: readonly Category[] = [
  {
    code: 'power-outage',
    departmentCode: 'POWER',
    name: '停电',
    keywords:
      /停电|断电|没电|冇电|没有电|停了.{0,6}电|跳闸|恢复供电|供电所|供电公司|(啥|什么|何)时(候)?来电|黑了|灯.{0,2}灭/,
  },
  {
    code: 'power-line',
    departmentCode: 'POWER',
    name: '供电线路与设备',
    keywords: /变压器|电线|电杆|高压线|线路|配电|电表箱|电压|台区|增容|装表|接电|通电|火花/,
  },
  { code: 'power-billing', departmentCode: 'POWER', name: '电费', keywords: /电费|电表|用电|偷电/ },
  {
    code: 'fire',
    departmentCode: 'FIRE',
    name: '火情',
    keywords: /着火|起火|失火|火灾|烧起来|火势|火好大|明火|冒烟|浓烟|黑烟|119|消防|灭火|打不熄/,
  },
  {
    code: 'emergency-rescue',
    departmentCode: 'FIRE',
    name: '应急救援',
    keywords: /被困|困在|卡在|关人|救援|漏气|液化气|煤气|燃气泄漏|送水|消防车/,
  },
  {
    code: 'water-supply',
    departmentCode: 'WATER',
    name: '供水',
    keywords: /停水|冇水|没水|没有水|自来水|水压|水管|供水|水质|水表|水费|饮水|通水|水龙头|龙头|来水|水箱/,
  },
  {
    code: 'drought-and-flood',
    departmentCode: 'WATER',
    name: '抗旱防汛',
    keywords: /干旱|抗旱|干涸|井都干|水库|山塘|河堤|汛|泄洪|溃坝|坝|漫堤|淹|水漫/,
  },
  {
    code: 'sewer-and-drain',
    departmentCode: 'URBAN',
    name: '排水',
    keywords: /下水道|排水沟|雨水篦|篦子|化粪池|井盖|管网|污水外流|污水漫|疏通|沟.{0,4}堵|堵.{0,4}沟/,
  },
  { code: 'garbage', departmentCode: 'URBAN', name: '垃圾清运', keywords: /垃圾|清运|渣土|废品/ },
  {
    code: 'city-appearance',
    departmentCode: 'URBAN',
    name: '市容与占道',
    keywords: /摊贩|小贩|占道|流动商贩|烧烤摊|摆摊|市容|招牌|广告牌|绿化带|城管/,
  },
  { code: 'street-lights', departmentCode: 'URBAN', name: '路灯', keywords: /路灯/ },
  {
    code: 'illegal-construction',
    departmentCode: 'URBAN',
    name: '违法建设',
    keywords: /违建|违章|私搭|私自搭建|搭建|扩建|彩钢房/,
  },
  {
    code: 'property-management',
    departmentCode: 'HOUSING',
    name: '物业管理',
    keywords: /物业|业委会|业主|维修资金|专项维修|开发商/,
  },
  {
    code: 'dangerous-building',
    departmentCode: 'HOUSING',
    name: '危房',
    keywords: /危房|裂缝|倒塌|墙体|挡土墙|开裂|空鼓|钢筋|掉.{0,3}(水泥|墙皮|石头)/,
  },
  { code: 'construction-site', departmentCode: 'HOUSING', name: '建筑工地', keywords: /工地|施工|打桩|围挡|阻工/ },
  {
    code: 'road-damage',
    departmentCode: 'TRANSPORT',
    name: '道路',
    keywords: /路面|坑|护栏|村道|道路|修路|那条路|那段路|路.{0,3}(烂|塌|破)/,
  },
  {
    code: 'bus-and-taxi',
    departmentCode: 'TRANSPORT',
    name: '公交与出租车',
    keywords: /公交|班车|早班车|站牌|车站|出租车|拒载|通勤|班次|线路被取消/,
  },
  {
    code: 'pollution',
    departmentCode: 'ENV',
    name: '环境污染',
    keywords: /污染|排污|偷排|废水|废气|排气|排风|异味|刺鼻|粉尘|扬尘|灰大|噪音|化工|死鱼|焚烧|环保|臭鸡蛋|粪水/,
  },
  {
    code: 'food-safety',
    departmentCode: 'MARKET',
    name: '食品安全',
    keywords:
      /食品安全|食物中毒|食堂|拉肚子|呕吐|中毒|过期|保质期|虫子|病死|小作坊|无证|快餐|奶茶|酒席|猪肉|饭菜|厨房脏|卫生条件/,
  },
  {
    code: 'consumer-dispute',
    departmentCode: 'MARKET',
    name: '价格与消费纠纷',
    keywords: /价格|价签|多收|缺斤|秤|退费|消费|年卡|定金|退款|退赔|维修店|商家|店家|保健品|加钱|贵了|小票/,
  },
  { code: 'medicine-retail', departmentCode: 'MARKET', name: '药品零售', keywords: /药店|药房|处方/ },
  {
    code: 'special-equipment',
    departmentCode: 'MARKET',
    name: '电梯与特种设备',
    keywords: /电梯|特种设备|锅炉|叉车|压力容器|储气罐|特检|年检|检验/,
  },
  {
    code: 'medical-service',
    departmentCode: 'HEALTH',
    name: '医疗服务',
    keywords: /医院|诊所|医生|护士|护理|卫生院|卫生室|卫生服务|就诊|急诊|住院|输液|医疗/,
  },
  {
    code: 'vaccination-and-epidemic',
    departmentCode: 'HEALTH',
    name: '疫苗与防疫',
    keywords: /疫苗|接种|狂犬|传染|疫情|发烧|出疹/,
  },
  {
    code: 'school-enrolment',
    departmentCode: 'EDU',
    name: '入学',
    keywords: /入学|学位|划片|读书|上学|小学|中学|幼儿园|托管|学校|转园/,
  },
  { code: 'school-fees', departmentCode: 'EDU', name: '教育收费', keywords: /补课费|资料费|学费|学期/ },
  { code: 'school-safety', departmentCode: 'EDU', name: '校园安全', keywords: /欺凌|校车|护学|学生.{0,6}(安全|危险)/ },
  {
    code: 'wages-and-employment',
    departmentCode: 'HRSS',
    name: '工资与就业',
    keywords:
      /工资|工钱|欠薪|讨薪|加班|最低工资|招聘|招工|就业|失业|裁员|裁减|劳动|劳务|用工|农民工|包工头|公益性岗位|岗位补贴|试用期/,
  },
  {
    code: 'social-insurance',
    departmentCode: 'HRSS',
    name: '社会保险',
    keywords: /社保|养老保险|医保|工伤|社会保险|补缴|续缴/,
  },
  {
    code: 'social-assistance',
    departmentCode: 'CIVIL',
    name: '社会救助与养老',
    keywords: /低保|养老院|敬老院|孤寡|独居老人|残疾|殡葬|丧葬|白事|灵棚|救助|高龄津贴|居家养老|无障碍/,
  },
  {
    code: 'farming',
    departmentCode: 'AGRI',
    name: '农业生产与补贴',
    keywords: /种粮|农机|养殖|畜禽|猪瘟|兽医|稻种|农资|耕地|基本农田|农民|种植|化肥|农药|秧苗|电商培训|农技/,
  },
  {
    code: 'forestry',
    departmentCode: 'FOREST',
    name: '林业',
    keywords: /油茶|造林|林业|砍树|砍伐|采伐|护林|山林|森林|林地|退耕还林|树苗|杉木|林农/,
  },
  {
    code: 'land-use',
    departmentCode: 'NATRES',
    name: '土地',
    keywords: /宅基地|征地|征.{0,4}地|征收|土地|用地|出让|规划用途|确权|权属|不动产|量地|占用.{0,4}(地|田)|农田上建/,
  },
  {
    code: 'public-security',
    departmentCode: 'POLICE',
    name: '治安',
    keywords: /诈骗|骗|冒充|安全账户|被偷|偷走|盗|剪走|赌博|飙车|炸街|违停|乱停|交警|户口|派出所|走失|失踪|冇回来|动手/,
  },
  {
    code: 'enterprise-service',
    departmentCode: 'DEVZONE',
    name: '园区企业服务',
    keywords: /园区|工业园|经开区|管委会|入驻|入园|招商|人才公寓|代办|投产/,
  },
  {
    code: 'general-affairs',
    departmentCode: 'TOWN',
    name: '村（社区）事务与邻里纠纷',
    keywords: /邻居|楼上|楼下|隔壁|纠纷|调解|村务|村规民约|换届|选举|赡养|协商|吵架|争吵|社区.{0,4}(出面|出个面|协调)/,
  },
  {
    code: 'official-misconduct',
    departmentCode: 'DISCIPLINE',
    name: '干部作风与违纪',
    keywords:
      /纪检|纪委|作风|受贿|索要|吃拿卡要|好处费|辛苦费|克扣|挪用|截留|虚报|虚开|送礼|刁难|优亲厚友|查账|以权谋私|利用职务/,
  },
];

/** A department named in the text ("请城管部门处理"): the petitioner's own view of who should act. */
export interface Mention {
  departmentCode: string;
  pattern: RegExp;
}

export const DEPARTMENT_MENTIONS: readonly Mention[] = [
  { departmentCode: 'POWER', pattern: /供电(公司|所|部门|局)|电力公司|国网/ },
  { departmentCode: 'FIRE', pattern: /消防(部门|救援|队|大队|车)|119/ },
  { departmentCode: 'WATER', pattern: /水务|自来水公司|水利/ },
  { departmentCode: 'URBAN', pattern: /城管|城市管理|环卫/ },
  { departmentCode: 'HOUSING', pattern: /住建|房管|住房和城乡建设/ },
  { departmentCode: 'TRANSPORT', pattern: /交通(部门|局|运输)|运管/ },
  { departmentCode: 'ENV', pattern: /环保|生态环境|环境部门/ },
  { departmentCode: 'MARKET', pattern: /市场监管|市监|工商部门|特检|特种设备监管/ },
  { departmentCode: 'HEALTH', pattern: /卫健|卫生健康|卫生部门|疾控/ },
  { departmentCode: 'EDU', pattern: /教育(部门|局)/ },
  { departmentCode: 'HRSS', pattern: /人社|劳动监察|人力资源|劳动仲裁/ },
  { departmentCode: 'CIVIL', pattern: /民政/ },
  { departmentCode: 'AGRI', pattern: /农业农村|农业部门|农技站|兽医站|农业局/ },
  { departmentCode: 'FOREST', pattern: /林业(部门|局|站)/ },
  { departmentCode: 'NATRES', pattern: /自然资源|国土/ },
  { departmentCode: 'POLICE', pattern: /公安|派出所|交警|110|报警/ },
  { departmentCode: 'DEVZONE', pattern: /经开区|管委会/ },
  { departmentCode: 'TOWN', pattern: /镇政府|街道办|镇村|居委会|社区(出面|出个面|协调|组织)/ },
  { departmentCode: 'DISCIPLINE', pattern: /纪检|纪委|监委/ },
];

/** The prior knowledge the model's `k:` and `m:` features come from. */
export interface Lexicon {
  categories: readonly Category[];
  mentions: readonly Mention[];
}

export const LEXICON: Lexicon = { categories: CATEGORIES, mentions: DEPARTMENT_MENTIONS };

export function categoryNamed(code: string, categories: readonly Category[] = CATEGORIES): Category | undefined {
  return categories.find((category) => category.code === code);
}

/** The categories whose words occur in the (normalised) text, in table order. */
export function matchingCategories(text: string, categories: readonly Category[] = CATEGORIES): Category[] {
  return categories.filter((category) => category.keywords.test(text));
}

export function defaultCategoryOf(
  departmentCode: string,
  categories: readonly Category[] = CATEGORIES,
): Category | undefined {
  return categories.find((category) => category.departmentCode === departmentCode);
}

/** The lexicon as a model stores it (regular expressions as their source). */
export function storedLexicon(lexicon: Lexicon = LEXICON): StoredLexicon {
  return {
    categories: lexicon.categories.map(({ code, departmentCode, name, keywords }) => ({
      code,
      departmentCode,
      name,
      pattern: keywords.source,
    })),
    mentions: lexicon.mentions.map(({ departmentCode, pattern }) => ({ departmentCode, pattern: pattern.source })),
  };
}

/** The lexicon a model was trained with. */
export function lexiconOf(stored: StoredLexicon): Lexicon {
  return {
    categories: stored.categories.map(({ code, departmentCode, name, pattern }) => ({
      code,
      departmentCode,
      name,
      keywords: new RegExp(pattern),
    })),
    mentions: stored.mentions.map(({ departmentCode, pattern }) => ({ departmentCode, pattern: new RegExp(pattern) })),
  };
}
