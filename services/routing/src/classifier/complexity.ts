import { complexitySignals } from './rules';

/** What the complexity model sees: the routing decided so far and the text's signs of a complex matter. */
export interface ComplexityInput {
  /** Normalised text. */
  text: string;
  channel?: string;
  primary: string;
  /** How many departments the text's words point to (its lexicon matches): several means a joint matter. */
  departmentsWithWords: number;
  urgent: boolean;
}

/**
 * Features of the complexity model: `s:<signal>` for each sign (repeated, long-standing, many people, buck-passing,
 * several departments, money), how many departments the words point to, the primary department, the channel,
 * urgency.
 */
export function complexityFeaturesOf(input: ComplexityInput): string[] {
  const features = complexitySignals(input.text).map((match) => `s:${match.rule}`);
  features.push(`d:${Math.min(input.departmentsWithWords, 3)}`, `p:${input.primary}`);
  if (input.channel) features.push(`c:${input.channel}`);
  if (input.urgent) features.push('urgent');
  return features;
}
