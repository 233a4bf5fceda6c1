/**
 * A few realistic petitions (from the reference set, ids d-0001…d-0052) for the simulator to post: different
 * channels, towns and departments, hotline transcripts as well as chat messages in dialect. Copied here because the
 * reference data is not part of the repository.
 */
export interface SamplePetition {
  channel: string;
  text: string;
  town?: string;
  unit?: string;
}

export const SAMPLE_PETITIONS: readonly SamplePetition[] = [
  {
    channel: 'hotline-12345',
    town: 'YUEFENG',
    unit: 'TIANJIAWAN',
    text: '来电人反映：岳峰镇田家湾村持续干旱已四十余天，村内水井、山塘基本干涸，约六十户村民饮水困难，部分老人需步行两公里挑水，请求尽快组织抗旱送水。',
  },
  {
    channel: 'wechat-resident',
    town: 'FUKOU_TOWN',
    unit: 'FULING',
    text: '伏岭社区是不是又停了？屋里灯全灭了 空调冰箱都不动了 热得要死 啥时候来电啊😭',
  },
  {
    channel: 'wechat-resident',
    town: 'YUEFENG',
    unit: 'JIAQIAO',
    text: '家桥村路口那几个垃圾桶满出来好几天了 狗子翻得到处都是 臭烘烘的 收垃圾的车好久冇来了',
  },
  {
    channel: 'hotline-12345',
    town: 'YUEFENG',
    unit: 'TIANJIAWAN',
    text: '来电人反映：岳峰镇田家湾村征地补偿款发放过程中，村干部以“工作经费”名义从每户补偿款中扣留10%，未出具任何收据，村民多次质询无果。',
  },
  {
    channel: 'wechat-enterprise',
    town: 'FUKOU_TOWN',
    text: '我们是涪口镇上一家机械厂，招了十几个外地技术员，他们的小孩想在镇上小学读书，学校说学位满了，公司能帮忙对接吗？',
  },
  {
    channel: 'supervision-platform',
    town: 'YUEFENG',
    unit: 'JIAQIAO',
    text: '家桥村村务公开栏一年多没有更新，还贴着前年的内容，村民想了解去年修水渠的钱是怎么用的，请求督促公开。',
  },
  {
    channel: 'app',
    text: '小区二次供水水箱多年未清洗，最近放出来的水里有小红虫，请相关部门检查水质。',
  },
  {
    channel: 'wechat-enterprise',
    town: 'FUKOU_TOWN',
    unit: 'NANJIANG',
    text: '群里各位，我们是南江北路一家餐饮连锁，之前员工社保是外包公司代缴的，现在发现外包公司断缴了半年，员工都在闹，我们该找谁补缴？',
  },
  {
    channel: 'hotline-12345',
    town: 'YUEFENG',
    unit: 'TIANJIAWAN',
    text: '来电人反映：岳峰镇田家湾村三组近一个月傍晚用电高峰时段电压明显偏低，电饭煲煮不熟饭、抽水泵启动不了，灯泡发红，怀疑台区变压器容量不足，请求供电部门尽快处理。',
  },
  {
    channel: 'wechat-resident',
    town: 'FUKOU_TOWN',
    unit: 'HECHENG',
    text: '和城国际旁边那个污水处理厂 一到晚上就臭 像臭鸡蛋一样 住了三年天天这样 投诉了好多次',
  },
];

/** What a department reports back as the result (办理结果): short, concrete, as a department would write it. */
const RESULTS: Record<string, string> = {
  POWER: '已派抢修班组到场，更换故障设备并恢复供电，回访诉求人确认用电正常。',
  WATER: '已组织送水车每日两次送水，并协调打井抗旱，群众饮水已得到保障。',
  FIRE: '已派消防车辆到场处置并协助应急送水，现场无安全隐患。',
  URBAN: '已安排环卫人员清运处理，并加密巡查频次，回访居民表示满意。',
  DISCIPLINE: '已立案核查，责令退还违规扣留款项，相关责任人已被问责。',
  EDU: '已协调辖区学校增加学位，相关子女已安排入学。',
  HRSS: '已约谈相关单位，督促补缴社保并明确办理流程，企业表示认可。',
  TOWN: '镇村干部已上门核实并协调处理，相关情况已向群众公开说明。',
};

export function resultFor(departmentCode: string): string {
  return RESULTS[departmentCode] ?? '已现场核实并处理完毕，回访诉求人表示满意。';
}

/** The first characters of a text for a log line; counted in code points so that an emoji is never cut in two. */
export function snippet(text: string, length = 20): string {
  const chars = Array.from(text);
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : text;
}

/** `count` petitions in random order; the list repeats when more are asked for than it holds. */
export function pickPetitions(count: number, random: () => number = Math.random): SamplePetition[] {
  const picked: SamplePetition[] = [];
  while (picked.length < count) {
    const round = [...SAMPLE_PETITIONS];
    for (let i = round.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [round[i], round[j]] = [round[j] as SamplePetition, round[i] as SamplePetition];
    }
    picked.push(...round.slice(0, count - picked.length));
  }
  return picked;
}
