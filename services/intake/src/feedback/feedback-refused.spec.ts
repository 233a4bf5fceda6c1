import { NonRetryableError } from '@petitions/messaging';
import { IntakeHttpError } from '../http/intake-http.error';
import { FEEDBACK_REFUSALS, FeedbackRefused, refusedOverHttp, refusedOverKafka } from './feedback-refused';

function thrownBy(map: (error: unknown) => never, error: unknown): unknown {
  try {
    map(error);
  } catch (thrown) {
    return thrown;
  }
  throw new Error('nothing thrown');
}

describe('feedback refusals', () => {
  it.each([
    ['UNKNOWN_PETITION', 404],
    ['OTHER_CHANNEL', 403],
    ['NOT_RESOLVED', 409],
  ] as const)('given %s over HTTP, then %i with the reason', (code, status) => {
    const thrown = thrownBy(refusedOverHttp, new FeedbackRefused(code, 'why'));
    expect(thrown).toBeInstanceOf(IntakeHttpError);
    expect((thrown as IntakeHttpError).status).toBe(status);
    expect((thrown as IntakeHttpError).message).toBe('why');
  });

  it.each(FEEDBACK_REFUSALS)('given %s on Kafka, then dead-lettered at once with the code', (code) => {
    const thrown = thrownBy(refusedOverKafka, new FeedbackRefused(code, 'why'));
    expect(thrown).toBeInstanceOf(NonRetryableError);
    expect((thrown as Error).message).toBe(`${code}: why`);
  });

  it('given any other error, then it passes through unchanged (retried, or a 500)', () => {
    const error = new Error('connection reset');
    expect(thrownBy(refusedOverHttp, error)).toBe(error);
    expect(thrownBy(refusedOverKafka, error)).toBe(error);
  });
});
