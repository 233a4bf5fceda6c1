/**
 * Hand-written reports for calibrating and testing same-matter grouping, in the voice of the district's chat groups
 * and hotline records (shared/reference/petitions.dev.jsonl has few same-matter pairs; d-0002, d-0028 and d-0029 are
 * one). Each same-matter set is one matter in one unit and category; each different-matter pair shares unit and
 * category but is two matters. docs/architecture.md#same-matter-grouping has the figures they give.
 */

/**
 * One blackout in 伏岭社区 (FULING, power-outage), ten residents in their own words; each names the blackout in a way
 * routing's keyword rules file as power-outage (tests/e2e/same-matter.e2e-spec.ts sends them through the system).
 */
export const BLACKOUT_REPORTS: readonly string[] = [
  '家里灯全灭了',
  '伏岭社区又停电了',
  '停电三个小时了还没来',
  '伏岭社区是不是又停了？屋里灯全灭了 空调冰箱都不动了 热得要死 啥时候来电啊😭',
  '伏岭这边停电都快四个钟头了 群里有冇人问下供电所 我妈一个人在屋里 手机都快冇电了 联系不上她',
  '我们楼也停电了，冰箱里的东西都要坏了',
  '伏岭社区停电了 什么时候来电？',
  '突然断电了 电梯里还困了人',
  '停电了 有没有人知道什么原因 供电所电话打不通',
  '伏岭三组也没电了 一片漆黑',
];

/** Eleven enterprises of 南洲工业园区 (NANZHOU) ask the same school-place question (scenario S5). */
export const SCHOOL_PLACE_QUESTIONS: readonly string[] = [
  '我们是南洲工业园的企业，员工小孩想在园区旁边新建的小学读书，学校说户籍不在学区不收，怎么办？',
  '园区新开的那所小学离我们厂几分钟路，但员工子女户口不在这边，报不了名，能不能协调一下学位？',
  '各位领导好，我司外地员工的孩子今年要上一年级，附近小学说不在招生范围，请问企业职工子女入学有没有政策？',
  '我们公司有6个员工的小孩要上小学，户籍都在外地，新学校不收，麻烦经开区帮忙协调。',
  '南洲园区企业员工子女就近入学难，户口不在片区，新小学不给报名，希望统筹解决。',
  '请问园区企业职工的孩子能不能在园区边上的新小学入学？我们好几个员工都在问。',
  '员工孩子上学的事：户籍不在学区，学校不收，员工都说要辞职回老家了',
  '我们是汽配厂，员工子女读书问题，园区附近小学学位怎么申请？',
  '我们是园区新入驻的企业，员工有三十多个小孩要上小学和幼儿园，听说园区可以统筹协调学位，请问怎么申报？',
  '园区那个新小学什么时候能招我们企业员工的孩子？户口不在本地的能读吗',
  '制造企业员工子女入学问题：孩子户籍在外省，园区附近小学不接收，员工流失严重，请求协调',
];

/** One blocked sewer on 南江北路 (NANJIANG, sewer-and-drain), four reports. */
export const SEWER_REPORTS: readonly string[] = [
  '南江北路那个下水道又堵了 污水漫得一马路都是 臭得要死 走路都要踮脚🤮',
  '南江北路下水道堵塞污水外流，影响居民出行，希望相关单位进行处理。',
  '南江北路下水道堵了，污水冒到路上了',
  '南江北路菜场门口下水道堵住了 一股臭味',
];

/** 伏岭社区, power-outage too, and another matter than the blackout: it must stay out of the blackout's group. */
export const OTHER_POWER_MATTER = '伏岭三组路口那个变压器嗡嗡响了一晚上 刚才还冒火花 噼里啪啦的';

/** Same unit and category, two matters: what grouping must keep apart (the first by the places named). */
export const DIFFERENT_MATTERS: readonly (readonly [string, string])[] = [
  ['南江北路那个下水道又堵了 污水漫得一马路都是', '建设路菜场后面的下水道也堵了，污水往外冒'],
  ['南江北路下水道堵塞污水外流，影响居民出行', '南江北路垃圾站好几天没人清运，臭气熏天'],
  ['伏岭社区门口那排路灯坏了半个多月了 晚上黑咕隆咚的', '伏岭三组下水道堵了 污水流到路上 臭得很'],
  ['伏岭社区又停电了', '伏岭社区的电费怎么这个月多了两百块'],
  ['家桥村二组路口那个变压器嗡嗡响 还冒火花', '家桥村这电压低得不得了 晚上开个电风扇都转不起来'],
];
