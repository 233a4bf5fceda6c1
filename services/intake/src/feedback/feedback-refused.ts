import { NonRetryableError } from '@petitions/messaging';
import { IntakeHttpError, type IntakeErrorCode } from '../http/intake-http.error';

/** Why an answer to the survey is refused (none of them can be fixed by sending it again). */
export const FEEDBACK_REFUSALS = ['UNKNOWN_PETITION', 'OTHER_CHANNEL', 'NOT_RESOLVED'] as const;
export type FeedbackRefusal = (typeof FEEDBACK_REFUSALS)[number];

/** The feedback module's one exception; each transport maps its code (refusedOverHttp, refusedOverKafka). */
export class FeedbackRefused extends Error {
  constructor(
    readonly code: FeedbackRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'FeedbackRefused';
  }
}

const HTTP_CODES: Readonly<Record<FeedbackRefusal, IntakeErrorCode>> = {
  UNKNOWN_PETITION: 'NOT_FOUND',
  OTHER_CHANNEL: 'FORBIDDEN',
  NOT_RESOLVED: 'NOT_RESOLVED',
};

/** `.catch` of the HTTP path: a refusal as intake's error (404, 403, 409); anything else unchanged. */
export function refusedOverHttp(error: unknown): never {
  if (error instanceof FeedbackRefused) throw new IntakeHttpError(HTTP_CODES[error.code], error.message);
  throw error;
}

/** `.catch` of the Kafka path: a refusal is dead-lettered at once with its code and reason; anything else retried. */
export function refusedOverKafka(error: unknown): never {
  if (error instanceof FeedbackRefused) throw new NonRetryableError(`${error.code}: ${error.message}`);
  throw error;
}
