import { DEMO_DISTRICT, type District } from '@petitions/district';

/**
 * How alike two petitions' texts are, from character n-grams: residents write the same matter in their own words
 * ("家里灯全灭了", "伏岭社区又停电了", "停电三个小时了还没来"), with no word segmenter to lean on. Measured on the
 * district's dev petitions and on hand-written variants: see docs/architecture.md#same-matter-grouping.
 */

/** A text as the bag of its unigrams (function characters left out) and bigrams, with its Euclidean norm. */
export interface TextProfile {
  readonly grams: ReadonlyMap<string, number>;
  readonly norm: number;
}

/** Suffixes that the district's place names are also written without: 伏岭社区 → 伏岭, 家桥村 → 家桥. */
const PLACE_SUFFIXES = ['工业园区', '工业园', '社区', '小区', '片区', '园区', '村', '镇', '区'];

/**
 * Phrases of the hotline's and the chat groups' house style, and words that say who is writing or where rather than
 * what is wrong (every enterprise of a park writes 我们是园区的企业; every resident of a compound names 小区 and 物业
 * is the topic of a whole category): two different matters would look alike because of them.
 */
const BOILERPLATE = [
  '我们是',
  '我们',
  '园区',
  '小区',
  '社区',
  '村民',
  '居民',
  '企业',
  '公司',
  '村委会',
  '镇政府',
  '业主',
  '各位',
  '来电人实名反映',
  '市民来电反映',
  '来电人反映',
  '来电人称',
  '来电反映',
  '各位领导',
  '各位好',
  '你好',
  '请求',
  '反映',
  '相关部门',
  '相关单位',
  '尽快',
  '处理',
  '麻烦',
  '帮忙',
  '一下',
  '希望',
  '请问',
];

/** Characters too common to tell two matters apart; they still count inside bigrams ("没电", "来电"). */
const FUNCTION_CHARACTERS = new Set(
  '的了是在我们你他她它这那个有和就都也还吗啊呢吧呀哦嘛么子得到要把被给说去来上下一不没人',
);

/** Dialect spellings folded into standard ones (湘方言 冇 = 没有), so that "冇电" and "没电" meet. */
const DIALECT: ReadonlyArray<readonly [string, string]> = [['冇', '没']];

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

function placeNamesOf(district: District): string[] {
  const full = [
    district.district.name,
    ...district.towns.flatMap((town) => [town.name, ...town.units.map((unit) => unit.name)]),
  ];
  const short = full.flatMap((name) => {
    const suffix = PLACE_SUFFIXES.find((candidate) => name.endsWith(candidate));
    return suffix && name.length - suffix.length >= 2 ? [name.slice(0, -suffix.length)] : [];
  });
  // Longest first, so that 伏岭社区 goes as a whole before 伏岭 could leave 社区 behind.
  return [...new Set([...full, ...short])].sort((a, b) => b.length - a.length);
}

const STRIPPED_PHRASES = [...placeNamesOf(DEMO_DISTRICT), ...BOILERPLATE].sort((a, b) => b.length - a.length);

/**
 * The text reduced to what can tell matters apart, as runs of letters and digits: full-width forms folded (NFKC),
 * lower case, dialect folded, the district's place names (every candidate shares the place already) and house-style
 * phrases removed; punctuation, emoji and spaces end a run, so no n-gram spans them.
 */
export function normaliseForMatching(text: string): string[] {
  let normalised = text.normalize('NFKC').toLowerCase();
  for (const [dialect, standard] of DIALECT) normalised = normalised.replaceAll(dialect, standard);
  for (const phrase of STRIPPED_PHRASES) normalised = normalised.replaceAll(phrase, ' ');
  return normalised.split(NOT_LETTER_OR_DIGIT).filter((run) => run !== '');
}

function add(grams: Map<string, number>, gram: string, count = 1): void {
  grams.set(gram, (grams.get(gram) ?? 0) + count);
}

function profileFrom(grams: ReadonlyMap<string, number>): TextProfile {
  let squares = 0;
  for (const count of grams.values()) squares += count * count;
  return { grams, norm: Math.sqrt(squares) };
}

/** Unigrams (function characters left out) and bigrams of each run; code points, so rare characters count once. */
export function profileOf(text: string): TextProfile {
  const grams = new Map<string, number>();
  for (const run of normaliseForMatching(text)) {
    const characters = Array.from(run);
    characters.forEach((character, index) => {
      if (!FUNCTION_CHARACTERS.has(character)) add(grams, character);
      const next = characters[index + 1];
      if (next !== undefined) add(grams, character + next);
    });
  }
  return profileFrom(grams);
}

/** The profiles added up: a group's text as one bag, against which a short new report is measured. */
export function combinedProfile(profiles: readonly TextProfile[]): TextProfile {
  const grams = new Map<string, number>();
  for (const profile of profiles) for (const [gram, count] of profile.grams) add(grams, gram, count);
  return profileFrom(grams);
}

/** Cosine of the two bags, 0 (nothing shared, or an empty text) to 1 (the same bag). */
export function cosine(a: TextProfile, b: TextProfile): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.grams.size <= b.grams.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [gram, count] of small.grams) dot += count * (large.grams.get(gram) ?? 0);
  return Math.min(1, dot / (a.norm * b.norm));
}

/** Similarities go out (events, the operators' view) rounded: three decimals say all the measure can tell. */
export function roundSimilarity(similarity: number): number {
  return Math.round(similarity * 1000) / 1000;
}

export function textSimilarity(a: string, b: string): number {
  return cosine(profileOf(a), profileOf(b));
}

/**
 * How alike a petition is to a group: its best match among the members, or its match with the members' texts taken
 * together, whichever is higher. The second lets a short report ("停电三个小时了还没来") join a group whose members
 * each share little with it but together share much.
 */
export function similarityToGroup(petition: TextProfile, members: readonly TextProfile[]): number {
  if (members.length === 0) return 0;
  const best = Math.max(...members.map((member) => cosine(petition, member)));
  return members.length === 1 ? best : Math.max(best, cosine(petition, combinedProfile(members)));
}
