import { EnvelopeError, PayloadDecodeError } from '@petitions/contracts';

/** Thrown by a handler for input no retry can fix; the message is dead-lettered at once. */
export class NonRetryableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NonRetryableError';
  }
}

/**
 * - `invalid`: bad input (envelope, payload, or a handler's NonRetryableError): dead-letter now.
 * - `infrastructure`: PostgreSQL or the network is away: wait and retry without counting, never dead-letter,
 *   so an outage does not empty a topic into its DLQ.
 * - `handler`: anything else: retried with backoff, dead-lettered after the configured number of attempts.
 */
export type FailureClass = 'invalid' | 'infrastructure' | 'handler';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
// PostgreSQL SQLSTATEs: connection exceptions (08), admin shutdown / crash / cannot connect now (57P0x),
// too many connections, serialization failure and deadlock (retrying resolves them).
const TRANSIENT_SQLSTATES = /^(08...|57P0[1-3]|53300|40001|40P01)$/;
const TRANSIENT_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Connection ended unexpectedly/i;

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = record.code ?? record.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}

export function classifyFailure(error: unknown): FailureClass {
  if (error instanceof PayloadDecodeError || error instanceof EnvelopeError || error instanceof NonRetryableError) {
    return 'invalid';
  }
  const code = codeOf(error);
  if (code !== undefined && (NETWORK_CODES.has(code) || TRANSIENT_SQLSTATES.test(code))) return 'infrastructure';
  if (error instanceof Error && TRANSIENT_MESSAGES.test(error.message)) return 'infrastructure';
  return 'handler';
}

/** Exponential backoff with full jitter, capped. `attempt` starts at 1. */
export function retryDelayMs(
  attempt: number,
  baseMs: number,
  maxMs = 5000,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 2000);
  return String(error).slice(0, 2000);
}
