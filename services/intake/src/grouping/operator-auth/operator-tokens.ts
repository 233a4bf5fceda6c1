import { createHash, timingSafeEqual } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { OPERATOR_ID } from '@petitions/contracts';
import { ValidateBy } from 'class-validator';

export const MIN_OPERATOR_TOKEN_LENGTH = 32;

/** The public demo operator (development only; intake warns at start while it is configured). */
export const DEMO_OPERATOR_ID = 'demo-operator';
export const DEMO_OPERATOR_TOKEN = 'demo-operator-token-published-in-the-repository';
export const DEMO_OPERATOR_TOKENS = JSON.stringify({ [DEMO_OPERATOR_ID]: DEMO_OPERATOR_TOKEN });

/** The problems of an INTAKE_OPERATOR_TOKENS value, naming operators but never quoting a token. */
export function operatorTokensProblems(value: unknown): string[] {
  let parsed: unknown;
  try {
    parsed = typeof value === 'string' ? JSON.parse(value) : undefined;
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return ['must be a JSON object {"<operatorId>": "<token>"}'];
  }
  const entries = Object.entries(parsed);
  if (entries.length === 0) return ['must name at least one operator'];
  const problems: string[] = [];
  const tokens = new Set<string>();
  for (const [operatorId, token] of entries) {
    const named = OPERATOR_ID.test(operatorId) ? `operator "${operatorId}"` : 'an operator id';
    if (!OPERATOR_ID.test(operatorId)) problems.push(`${named} must be 1-64 letters, digits, ".", "_" or "-"`);
    if (typeof token !== 'string' || token.length < MIN_OPERATOR_TOKEN_LENGTH) {
      problems.push(`${named}: the token must be a string of at least ${MIN_OPERATOR_TOKEN_LENGTH} characters`);
    } else if (tokens.has(token)) {
      problems.push(`${named}: the token is another operator's too (a token must say who acts)`);
    } else tokens.add(token);
  }
  return problems;
}

/** Validates INTAKE_OPERATOR_TOKENS at boot; the message lists every problem and no token. */
export function IsOperatorTokens(): PropertyDecorator {
  return ValidateBy({
    name: 'isOperatorTokens',
    validator: {
      validate: (value: unknown) => operatorTokensProblems(value).length === 0,
      defaultMessage: (args) => operatorTokensProblems(args?.value).join('; ').replaceAll('$', '＄'),
    },
  });
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * The operators' bearer tokens. A presented token is compared with every configured one in constant time (over
 * SHA-256 digests, so lengths do not matter and nothing stops early): the time taken says nothing of which
 * operator, or how much of a token, matched.
 */
export class OperatorTokens {
  private readonly operators: readonly { readonly operatorId: string; readonly digest: Buffer }[];

  constructor(tokens: Readonly<Record<string, string>>) {
    this.operators = Object.entries(tokens).map(([operatorId, token]) => ({ operatorId, digest: digest(token) }));
  }

  static fromConfig(json: string, logger: Pick<Logger, 'warn'> = new Logger(OperatorTokens.name)): OperatorTokens {
    const problems = operatorTokensProblems(json);
    // loadConfig has validated the variable already; this is only reached by a caller that skipped it.
    if (problems.length > 0) throw new Error(`INTAKE_OPERATOR_TOKENS: ${problems.join('; ')}`);
    const tokens = JSON.parse(json) as Record<string, string>;
    if (Object.values(tokens).includes(DEMO_OPERATOR_TOKEN)) {
      logger.warn(
        'INTAKE_OPERATOR_TOKENS: the demo operator token is in use; it is published, so anyone can split ' +
          'groups. Development only: set your own.',
      );
    }
    return new OperatorTokens(tokens);
  }

  /** The operator this token belongs to, or undefined. */
  operatorOf(token: string): string | undefined {
    const presented = digest(token);
    let found: string | undefined;
    for (const operator of this.operators) {
      if (timingSafeEqual(presented, operator.digest) && found === undefined) found = operator.operatorId;
    }
    return found;
  }
}
