/**
 * What the benchmark posts: petitions copied from shared/reference/petitions.dev.jsonl (their ids kept as `source`),
 * so that bodies have the length and the characters of real ones. Copied, not read at run time: the benchmark must
 * run from the repository alone.
 */
export interface PetitionSample {
  readonly source: string;
  readonly channel: string;
  readonly text: string;
  readonly town?: string;
  readonly unit?: string;
}

export const PETITION_SAMPLES: readonly PetitionSample[] = [
  {
    source: 'd-0001',
    channel: 'hotline-12345',
    text: '来电人反映：岳峰镇田家湾村征地补偿款发放过程中，村干部以“工作经费”名义从每户补偿款中扣留10%，未出具任何收据，村民多次质询无果。',
    town: 'YUEFENG',
    unit: 'TIANJIAWAN',
  },
  {
    source: 'd-0002',
    channel: 'wechat-resident',
    text: '伏岭社区是不是又停了？屋里灯全灭了 空调冰箱都不动了 热得要死 啥时候来电啊😭',
    town: 'FUKOU_TOWN',
    unit: 'FULING',
  },
  {
    source: 'd-0003',
    channel: 'hotline-12345',
    text: '来电人反映：岳峰镇田家湾村持续干旱已四十余天，村内水井、山塘基本干涸，约六十户村民饮水困难，部分老人需步行两公里挑水，请求尽快组织抗旱送水。',
    town: 'YUEFENG',
    unit: 'TIANJIAWAN',
  },
  {
    source: 'd-0004',
    channel: 'wechat-resident',
    text: '石龙村这个水库放水冇得规矩 想放就放 下面田里的秧苗都冲倒了 去问管水库的 他说不归他管',
    town: 'LONGCHUAN',
    unit: 'SHILONG',
  },
  {
    source: 'd-0005',
    channel: 'wechat-resident',
    text: '家桥村路口那几个垃圾桶满出来好几天了 狗子翻得到处都是 臭烘烘的 收垃圾的车好久冇来了',
    unit: 'JIAQIAO',
  },
  {
    source: 'd-0006',
    channel: 'wechat-resident',
    text: '我妈六十了 交了十几年的农村养老保险 现在说要补缴才能领 补多少啊 找哪个问',
  },
  {
    source: 'd-0009',
    channel: 'app',
    text: '灵活就业人员医保断缴三个月后想续缴，窗口说要等待期，请问政策依据是什么？',
  },
  {
    source: 'd-0011',
    channel: 'hotline-12345',
    text: '来电人反映：其母亲（杨家山社区居民）在区内某医院住院期间，护理人员态度冷淡，呼叫铃长时间无人响应，导致老人自行下床摔倒受伤。',
    town: 'FUKOU_TOWN',
    unit: 'YANGJIASHAN',
  },
  {
    source: 'd-0013',
    channel: 'wechat-enterprise',
    text: '各位好，我们是龙船镇一家养殖企业，申请畜禽养殖场备案，镇里说先到区农业农村局，区里又说先到镇里，来回跑了三趟，到底在哪里办？',
    town: 'LONGCHUAN',
  },
  {
    source: 'd-0020',
    channel: 'wechat-enterprise',
    text: '园区几家企业人事一起反映：南洲工业园到城区的通勤公交班次太少，早高峰一车难求，职工上下班很困难，请求增加班次。',
    town: 'NANZHOU_PARK',
    unit: 'NANZHOU',
  },
  {
    source: 'd-0021',
    channel: 'app',
    text: '在涪口镇一家健身房办了5000元年卡，三个月后店面关门、老板失联，要求协助退费。',
    town: 'FUKOU_TOWN',
  },
  {
    source: 'd-0025',
    channel: 'supervision-platform',
    text: '家桥村村务公开栏一年多没有更新，还贴着前年的内容，村民想了解去年修水渠的钱是怎么用的，请求督促公开。',
    town: 'YUEFENG',
    unit: 'JIAQIAO',
  },
  {
    source: 'd-0036',
    channel: 'app',
    text: '出租车司机拒载，从高铁站到涪口镇伏岭社区，司机说太近不去，请求查处。',
    town: 'FUKOU_TOWN',
    unit: 'FULING',
  },
  {
    source: 'd-0041',
    channel: 'supervision-platform',
    text: '石龙村油茶种植补贴，村干部以合作社名义申报，实际上那片油茶林是他自己家的，真正种油茶的村民都没领到。',
    town: 'LONGCHUAN',
    unit: 'SHILONG',
  },
  {
    source: 'd-0045',
    channel: 'supervision-platform',
    text: '涪江明珠小区物业擅自将公共架空层出租给他人开麻将馆，噪音扰民，出租收益从未向业主公示。',
    town: 'FUKOU_TOWN',
    unit: 'FUJIANG_MINGZHU',
  },
  {
    source: 'd-0076',
    channel: 'supervision-platform',
    text: '伏岭社区低保户公示名单中有一户家里有两台车，明显不符合条件，请求复核。',
    town: 'FUKOU_TOWN',
    unit: 'FULING',
  },
];

/**
 * Reporters (personal data, sealed by intake) for every third request, as the hotline and the app know their caller.
 * Fictional people from shared/reference/pii.dev.jsonl.
 */
export const REPORTER_SAMPLES: readonly Record<string, string>[] = [
  { name: '王建明', phone: '18108844952' },
  { name: '李淑芬', phone: '176-5415-5496', handle: 'lsf-guihua' },
  { name: '欧阳晓峰', idNumber: '430111197503149314', phone: '0731-84561234' },
];
