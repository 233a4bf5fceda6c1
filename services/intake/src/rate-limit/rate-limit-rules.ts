import { ValidateBy, type ValidationArguments } from 'class-validator';

/**
 * The buckets intake counts in. `channel-key`: per verified channel credential on `POST /petitions`; `source`: per
 * client address on `POST /petitions` (before the signature is checked, so a flood of unsigned requests is cut off
 * too); `tracking-lookup`: per client address on the public tracking lookup. A route names its per-source bucket
 * with `@RateLimit('<bucket>')` (`POST /petitions` counts `source` and `channel-key` in ChannelRequestGuard).
 */
export const RATE_LIMIT_BUCKETS = ['channel-key', 'source', 'tracking-lookup'] as const;
export type RateLimitBucket = (typeof RATE_LIMIT_BUCKETS)[number];

/** At most `limit` requests in any `windowSeconds` (a sliding window). */
export interface RateLimitRule {
  readonly limit: number;
  readonly windowSeconds: number;
}

export type RateLimitRules = Readonly<Record<RateLimitBucket, RateLimitRule>>;

/**
 * Defaults for one district. A channel's system (a chat-group bot, the 12345 hotline) forwards in bursts, e.g. a
 * backlog after an outage: 600 a minute per key is hundreds of times a district's ordinary rate and still stops a
 * runaway or leaked key. `source` is higher than `channel-key` because several channels' systems may post from one
 * gateway address. The tracking lookup is public and its codes must not be guessed: 30 a minute per address.
 */
export const DEFAULT_RATE_LIMITS: RateLimitRules = {
  'channel-key': { limit: 600, windowSeconds: 60 },
  source: { limit: 1200, windowSeconds: 60 },
  'tracking-lookup': { limit: 30, windowSeconds: 60 },
};

const MAX_LIMIT = 1_000_000;
const MAX_WINDOW_SECONDS = 86_400;
const RULE_FIELDS = new Set(['limit', 'windowSeconds']);

export type RateLimitsParse =
  { readonly ok: true; readonly rules: RateLimitRules } | { readonly ok: false; readonly problems: readonly string[] };

function isBucket(name: string): name is RateLimitBucket {
  return (RATE_LIMIT_BUCKETS as readonly string[]).includes(name);
}

function isWholeIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function problemsOfRule(bucket: string, rule: unknown): string[] {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
    return [`"${bucket}" must be an object {"limit", "windowSeconds"}`];
  }
  const { limit, windowSeconds } = rule as Record<string, unknown>;
  const problems = Object.keys(rule)
    .filter((field) => !RULE_FIELDS.has(field))
    .map((field) => `"${bucket}": unknown field ${JSON.stringify(field)}`);
  if (!isWholeIn(limit, 1, MAX_LIMIT)) problems.push(`"${bucket}".limit must be a whole number 1-${MAX_LIMIT}`);
  if (!isWholeIn(windowSeconds, 1, MAX_WINDOW_SECONDS)) {
    problems.push(`"${bucket}".windowSeconds must be a whole number 1-${MAX_WINDOW_SECONDS}`);
  }
  return problems;
}

/**
 * Reads INTAKE_RATE_LIMITS: a JSON object from bucket name to `{"limit", "windowSeconds"}`. Buckets it leaves out
 * keep their defaults, so an operator can tune one without restating the others.
 */
export function parseRateLimits(raw: string): RateLimitsParse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, problems: ['must be a JSON object (not valid JSON)'] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, problems: ['must be a JSON object {"<bucket>": {"limit", "windowSeconds"}}'] };
  }
  const problems: string[] = [];
  const rules: Record<RateLimitBucket, RateLimitRule> = { ...DEFAULT_RATE_LIMITS };
  for (const [bucket, rule] of Object.entries(parsed)) {
    if (!isBucket(bucket)) {
      problems.push(`unknown bucket ${JSON.stringify(bucket)} (must be one of ${RATE_LIMIT_BUCKETS.join(', ')})`);
      continue;
    }
    const ruleProblems = problemsOfRule(bucket, rule);
    problems.push(...ruleProblems);
    if (ruleProblems.length === 0) rules[bucket] = rule as RateLimitRule;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rules };
}

/** Reads a rules value that has passed validation (the config class guarantees that at boot). */
export function rateLimitRulesOf(raw: string): RateLimitRules {
  const result = parseRateLimits(raw);
  if (!result.ok) throw new Error(`INTAKE_RATE_LIMITS: ${result.problems.join('; ')}`);
  return result.rules;
}

function problemsOfValue(value: unknown): readonly string[] {
  if (typeof value !== 'string') return ['must be a JSON object'];
  const result = parseRateLimits(value);
  return result.ok ? [] : result.problems;
}

/** Validates INTAKE_RATE_LIMITS at boot; the message lists every problem. */
export function IsRateLimits(): PropertyDecorator {
  return ValidateBy({
    name: 'isRateLimits',
    validator: {
      validate: (value: unknown) => problemsOfValue(value).length === 0,
      // class-validator expands $-tokens in a message: a bucket name quoted back must not become one.
      defaultMessage: (args?: ValidationArguments) => problemsOfValue(args?.value).join('; ').replaceAll('$', '＄'),
    },
  });
}
