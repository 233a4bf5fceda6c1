import type { District } from '@petitions/district';
import type { Lexicon } from './lexicon';
import type { SparseVector } from './linear-model';
import { normalise, tokenise } from './tokeniser';

/** Where the district's units are and what kind each is (village, community, park). */
export interface PlaceKinds {
  units: ReadonlyMap<string, string>;
  /** A town whose units are all of one kind (南洲工业园: park) has that kind. */
  towns: ReadonlyMap<string, string>;
}

export function placeKindsOf(district: District): PlaceKinds {
  const units = new Map<string, string>();
  const towns = new Map<string, string>();
  for (const town of district.towns) {
    for (const unit of town.units) units.set(unit.code, unit.kind);
    const kinds = new Set(town.units.map((unit) => unit.kind));
    const [only] = kinds;
    if (kinds.size === 1 && only) towns.set(town.code, only);
  }
  return { units, towns };
}

/** The kind of place a petition comes from: its unit's kind, else its town's when that is unambiguous. */
export function placeKindOf(place: { town?: string; unit?: string }, kinds: PlaceKinds): string | undefined {
  if (place.unit) return kinds.units.get(place.unit);
  return place.town ? kinds.towns.get(place.town) : undefined;
}

/** What the model sees of a petition besides its text. */
export interface FeatureContext {
  channel?: string;
  /** The kind of the petition's unit in the district (village, community, park), when the unit is known. */
  unitKind?: string;
}

export interface FeatureOptions {
  maxN: number;
  lexicon: Lexicon;
}

/** Feature → how much of it a petition has (n-grams: 1 each; a category: how many of its words occur, up to 3). */
export type FeatureCounts = Map<string, number>;

const MAX_KEYWORD_COUNT = 3;

function occurrences(text: string, pattern: RegExp): number {
  return Math.min(text.match(new RegExp(pattern.source, 'g'))?.length ?? 0, MAX_KEYWORD_COUNT);
}

/**
 * The features of a petition: its distinct character n-grams, `c:<channel>`, `u:<unit kind>`, `k:<category>` for
 * every category whose words occur in it (valued by how many occur) and `m:<department>` for a department the text
 * names ("请城管部门处理").
 */
export function featuresOf(text: string, context: FeatureContext, options: FeatureOptions): FeatureCounts {
  const features: FeatureCounts = new Map(tokenise(text, options.maxN).map((token) => [token, 1]));
  if (context.channel) features.set(`c:${context.channel}`, 1);
  if (context.unitKind) features.set(`u:${context.unitKind}`, 1);
  const normalised = normalise(text);
  for (const category of options.lexicon.categories) {
    const count = occurrences(normalised, category.keywords);
    if (count) features.set(`k:${category.code}`, count);
  }
  for (const mention of options.lexicon.mentions) {
    if (mention.pattern.test(normalised)) features.set(`m:${mention.departmentCode}`, 1);
  }
  return features;
}

/** Features that are not n-grams: kept in the vocabulary however rare, valued as counted. */
function isContextFeature(feature: string): boolean {
  return /^[cukm]:/.test(feature);
}

/**
 * The vocabulary of a training set: every feature that occurs in at least `minDocumentFrequency` documents (rarer
 * n-grams only memorise their one example and bloat the model), sorted so that the same set gives the same indices.
 */
export function buildVocabulary(documents: readonly FeatureCounts[], minDocumentFrequency: number): string[] {
  const frequency = new Map<string, number>();
  for (const document of documents) {
    for (const feature of document.keys()) frequency.set(feature, (frequency.get(feature) ?? 0) + 1);
  }
  return [...frequency]
    .filter(([feature, count]) => count >= minDocumentFrequency || isContextFeature(feature))
    .map(([feature]) => feature)
    .sort();
}

export function indexOfVocabulary(vocabulary: readonly string[]): Map<string, number> {
  return new Map(vocabulary.map((feature, index) => [feature, index]));
}

/**
 * The vector of a petition. Its n-grams are binary and scaled to unit length together, so that a long hotline
 * transcript does not outweigh a short chat line; channel, place, category and mention features keep their counts,
 * as there are a few of them whatever the length.
 */
export function vectorise(features: FeatureCounts, index: ReadonlyMap<string, number>): SparseVector {
  const known = [...features].filter(([feature]) => index.has(feature));
  const ngrams = known.filter(([feature]) => !isContextFeature(feature)).length;
  const ngramValue = ngrams ? 1 / Math.sqrt(ngrams) : 0;
  const entries = known
    .map(([feature, count]) => ({
      position: index.get(feature) ?? 0,
      value: isContextFeature(feature) ? count : ngramValue,
    }))
    .sort((a, b) => a.position - b.position);
  return { indices: entries.map((entry) => entry.position), values: entries.map((entry) => entry.value) };
}

/** Every known feature with the value 1 (the complexity model's few, equally weighted signals). */
export function binaryVector(features: Iterable<string>, index: ReadonlyMap<string, number>): SparseVector {
  const indices = [...new Set(features)]
    .map((feature) => index.get(feature))
    .filter((position): position is number => position !== undefined)
    .sort((a, b) => a - b);
  return { indices, values: indices.map(() => 1) };
}

/** The departments a petition's words point to: those of its matched categories and of the departments it names. */
export function departmentsWithWords(features: FeatureCounts, lexicon: Lexicon): Set<string> {
  const departments = new Set<string>();
  for (const feature of features.keys()) {
    if (feature.startsWith('m:')) departments.add(feature.slice(2));
    if (feature.startsWith('k:')) {
      const code = feature.slice(2);
      const category = lexicon.categories.find((candidate) => candidate.code === code);
      if (category) departments.add(category.departmentCode);
    }
  }
  return departments;
}
