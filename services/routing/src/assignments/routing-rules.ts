import type { Complexity } from '@petitions/contracts';

export interface RoutingDecision {
  departmentCode: string;
  coDepartments: string[];
  category: string;
  complexity: Complexity;
  urgent: boolean;
  reason: string;
}

interface KeywordRule {
  departmentCode: string;
  category: string;
  keywords: RegExp;
  coDepartments?: string[];
}

// A first, deliberately simple keyword table (the walking skeleton). The classifier of issue #4 replaces it.
// Order matters: the first rule that matches is the primary department.
const RULES: readonly KeywordRule[] = [
  {
    departmentCode: 'DISCIPLINE',
    category: 'official-misconduct',
    keywords: /吃拿卡要|受贿|索要|克扣|挪用|村干部.*(扣留|好处)/,
  },
  { departmentCode: 'FIRE', category: 'fire', keywords: /着火|起火|火灾|冒烟|冒黑烟/, coDepartments: ['POWER'] },
  { departmentCode: 'POWER', category: 'power-outage', keywords: /停电|断电|变压器|灯全灭|没电|跳闸/ },
  { departmentCode: 'URBAN', category: 'sewer-and-drain', keywords: /下水道|堵塞|污水|垃圾|路灯/ },
  {
    departmentCode: 'WATER',
    category: 'water-supply',
    keywords: /停水|干旱|没有水|饮水|自来水|水井/,
    coDepartments: ['FIRE'],
  },
  { departmentCode: 'EDU', category: 'school-enrolment', keywords: /入学|学位|上学|学校|幼儿园/ },
  { departmentCode: 'FOREST', category: 'forestry-subsidy', keywords: /油茶|造林|林业/ },
  { departmentCode: 'HRSS', category: 'wages-and-employment', keywords: /工资|欠薪|招聘|社保/ },
];

const URGENT = /着火|起火|火灾|冒烟|爆炸|触电|塌方|溺水/;
const COMPLEX = /多次|两年|长期|反复|无果/;

/** Chooses the department for a petition from its text. Pure: same text, same decision. */
export function routePetition(text: string): RoutingDecision {
  const rule = RULES.find((candidate) => candidate.keywords.test(text));
  const urgent = URGENT.test(text);
  const complexity: Complexity = COMPLEX.test(text) ? 'complex' : 'general';
  if (!rule) {
    // Territorial responsibility (属地): the town decides when no function claims the matter.
    return {
      departmentCode: 'TOWN',
      coDepartments: [],
      category: 'general-affairs',
      complexity,
      urgent,
      reason: 'no keyword rule matched: territorial default',
    };
  }
  return {
    departmentCode: rule.departmentCode,
    coDepartments: [...(rule.coDepartments ?? [])],
    category: rule.category,
    complexity,
    urgent,
    reason: `keyword rule ${rule.category}`,
  };
}
