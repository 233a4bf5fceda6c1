/**
 * `npm run grouping:calibrate [-- <petitions.jsonl>] [--orders N]`
 * Measures same-matter grouping (services/intake/src/grouping) on labelled petitions and on the hand-written
 * same-matter sets, for a range of similarity thresholds:
 * - dev pairs: every pair of dev petitions with the same unit and the same expected department (a stand-in for the
 *   category, stricter than it), all different matters but the labelled ones; how many reach the threshold;
 * - same-matter sets: in how many of N random arrival orders each set ends as one group (replaying the decision);
 * - different-matter pairs: whether any is grouped.
 * Prints a table, then the figures as one JSON line. docs/architecture.md#same-matter-grouping quotes them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  arrivalOrder,
  DEFAULT_GROUPING_POLICY,
  GroupingPolicy,
  type MatterPetition,
  replayGrouping,
  sameMatterCorpus,
  textSimilarity,
} from '../services/intake/src/definition';

const DEFAULT_INPUT = 'services/routing/data/petitions.dev.jsonl';
const THRESHOLDS = [0.15, 0.18, 0.19, 0.2, 0.21, 0.22, 0.25, 0.3];
/** Dev petitions that are one matter (a blackout in 伏岭社区 reported three ways). */
const SAME_MATTER_DEV = [['d-0002', 'd-0028', 'd-0029']];

interface DevPetition {
  id: string;
  text: string;
  unit?: string;
  expected_department: string;
}

function reportsOf(texts: readonly string[], scope: string): MatterPetition[] {
  const start = Date.parse('2026-07-07T12:00:00.000Z');
  return texts.map((text, index) => ({
    petitionId: `${scope}-${String(index).padStart(2, '0')}`,
    scope,
    category: 'calibration',
    receivedAt: new Date(start + index * 60_000),
    text,
    address: null,
  }));
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function devPairs(petitions: readonly DevPetition[]): { same: number[]; different: number[] } {
  const sameMatter = (a: string, b: string): boolean =>
    SAME_MATTER_DEV.some((set) => set.includes(a) && set.includes(b));
  const same: number[] = [];
  const different: number[] = [];
  petitions.forEach((a, index) => {
    for (const b of petitions.slice(index + 1)) {
      if (!a.unit || a.unit !== b.unit || a.expected_department !== b.expected_department) continue;
      (sameMatter(a.id, b.id) ? same : different).push(textSimilarity(a.text, b.text));
    }
  });
  return { same, different: different.sort((x, y) => x - y) };
}

/**
 * The dev petitions of each unit and department replayed as if all came within one window: every petition that ends
 * in a group is wrongly grouped (the labelled same-matter petitions aside). A worst case: real ones are spread out.
 */
function devWronglyGrouped(petitions: readonly DevPetition[], policy: GroupingPolicy): number {
  const sets = new Map<string, DevPetition[]>();
  for (const petition of petitions) {
    if (!petition.unit) continue;
    const key = `${petition.unit}/${petition.expected_department}`;
    sets.set(key, [...(sets.get(key) ?? []), petition]);
  }
  let wrong = 0;
  for (const set of sets.values()) {
    const replayed = replayGrouping(
      reportsOf(
        set.map((petition) => petition.text),
        'dev',
      ).map((report, index) => ({ ...report, petitionId: set[index]?.id ?? report.petitionId })),
      policy,
    );
    for (const group of replayed.groups) {
      const labelled = SAME_MATTER_DEV.find((same) => group.members.every((id) => same.includes(id)));
      if (!labelled) wrong += group.members.length;
    }
  }
  return wrong;
}

function oneGroupRate(texts: readonly string[], policy: GroupingPolicy, orders: number): number {
  const reports = reportsOf(texts, 'set');
  let whole = 0;
  for (let order = 0; order < orders; order += 1) {
    // Assignments arrive in any order: reception times stay, the processing order changes.
    const result = replayGrouping(order === 0 ? reports : arrivalOrder(reports, order), policy);
    if (result.groups.length === 1 && result.groups[0]?.members.length === texts.length) whole += 1;
  }
  return whole / orders;
}

function differentMattersGrouped(policy: GroupingPolicy): number {
  return sameMatterCorpus.DIFFERENT_MATTERS.filter(
    (pair) => replayGrouping(reportsOf(pair, 'pair'), policy).groups.length > 0,
  ).length;
}

function main(): void {
  const args = process.argv.slice(2);
  const ordersAt = args.indexOf('--orders');
  const orders = ordersAt >= 0 ? Number(args[ordersAt + 1]) : 500;
  const inputArgument = args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--orders');
  const input = resolve(process.env['INIT_CWD'] ?? process.cwd(), inputArgument ?? DEFAULT_INPUT);
  const petitions = readFileSync(input, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as DevPetition);
  const pairs = devPairs(petitions);
  const sets = {
    blackout: sameMatterCorpus.BLACKOUT_REPORTS,
    schoolPlaces: sameMatterCorpus.SCHOOL_PLACE_QUESTIONS,
    sewer: sameMatterCorpus.SEWER_REPORTS,
  };
  const rows = THRESHOLDS.map((threshold) => {
    const policy = new GroupingPolicy(DEFAULT_GROUPING_POLICY.windowMs, threshold);
    return {
      threshold,
      devDifferentPairsAtOrAbove: pairs.different.filter((similarity) => similarity >= threshold).length,
      devSamePairsAtOrAbove: pairs.same.filter((similarity) => similarity >= threshold).length,
      devWronglyGroupedInOneWindow: devWronglyGrouped(petitions, policy),
      oneGroupInRandomOrders: Object.fromEntries(
        Object.entries(sets).map(([name, texts]) => [name, round(oneGroupRate(texts, policy, orders))]),
      ),
      differentMattersGrouped: differentMattersGrouped(policy),
    };
  });
  const summary = {
    input,
    orders,
    defaultThreshold: DEFAULT_GROUPING_POLICY.minSimilarity,
    devDifferentPairs: {
      count: pairs.different.length,
      p50: round(quantile(pairs.different, 0.5)),
      p90: round(quantile(pairs.different, 0.9)),
      p95: round(quantile(pairs.different, 0.95)),
      max: round(pairs.different[pairs.different.length - 1] ?? 0),
    },
    devSamePairs: pairs.same.map(round),
    differentMatterPairs: sameMatterCorpus.DIFFERENT_MATTERS.length,
    thresholds: rows,
  };
  const devInUnits = petitions.filter((petition) => petition.unit).length;
  process.stdout.write(
    `dev: ${pairs.different.length} pairs of different matters with the same unit and department, ` +
      `${devInUnits} petitions with a unit; same-matter sets replayed in ${orders} arrival orders\n`,
  );
  process.stdout.write('threshold  dev≠≥  dev=≥  dev-wrongly-grouped  blackout  school  sewer  different-grouped\n');
  for (const row of rows) {
    const rate = row.oneGroupInRandomOrders;
    process.stdout.write(
      `${row.threshold.toFixed(2).padEnd(9)}  ${String(row.devDifferentPairsAtOrAbove).padEnd(5)}  ` +
        `${String(row.devSamePairsAtOrAbove).padEnd(5)}  ${String(row.devWronglyGroupedInOneWindow).padEnd(19)}  ` +
        `${String(rate['blackout']).padEnd(8)}  ` +
        `${String(rate['schoolPlaces']).padEnd(6)}  ${String(rate['sewer']).padEnd(5)}  ${row.differentMattersGrouped}\n`,
    );
  }
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main();
