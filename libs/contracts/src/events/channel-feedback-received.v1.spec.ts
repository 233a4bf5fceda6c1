import { PayloadDecodeError, decodePayload } from '../decode';
import type { ChannelFeedbackReceivedV1 } from './channel-feedback-received.v1';

function anAnswer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const answer: ChannelFeedbackReceivedV1 = {
    channel: 'wechat-resident',
    channelMessageId: 'wx-20250602-0042',
    trackingCode: '7KQ2-M9XD-4HTA',
    satisfied: false,
    comment: '下水道还是堵的',
  };
  return { ...answer, ...overrides };
}

function problemsOf(payload: unknown): readonly string[] {
  try {
    decodePayload('channel.feedback-received', 1, JSON.stringify(payload));
  } catch (error) {
    if (error instanceof PayloadDecodeError) return error.problems;
    throw error;
  }
  throw new Error('expected a PayloadDecodeError');
}

describe('channel.feedback-received v1', () => {
  it('given an answer without a comment, when decoded, then it is accepted', () => {
    const { comment: _comment, ...answer } = anAnswer({ satisfied: true });
    expect(decodePayload('channel.feedback-received', 1, JSON.stringify(answer))).toEqual(answer);
  });

  it('given a comment with spaces around it, when decoded, then trimmed', () => {
    expect(decodePayload('channel.feedback-received', 1, JSON.stringify(anAnswer({ comment: '  太慢了 ' })))).toEqual(
      anAnswer({ comment: '太慢了' }),
    );
  });

  it.each([
    ['an unknown field', { status: 'resolved' }, 'status: property status should not exist'],
    ['satisfied as a string', { satisfied: 'true' }, 'satisfied: satisfied must be a boolean value'],
    ['satisfied as 0', { satisfied: 0 }, 'satisfied: satisfied must be a boolean value'],
    ['no satisfied', { satisfied: undefined }, 'satisfied: satisfied must be a boolean value'],
    ['a comment of spaces', { comment: '   ' }, 'comment: comment must be longer than or equal to 1 characters'],
    [
      'a comment over 1000 characters',
      { comment: '慢'.repeat(1001) },
      'comment: comment must be shorter than or equal to 1000 characters',
    ],
    ['a comment with NUL', { comment: 'a\u0000b' }, 'comment: comment must not contain the NUL character (U+0000)'],
    [
      'a malformed tracking code',
      { trackingCode: "' OR 1=1 --" },
      'trackingCode: trackingCode must be a tracking code such as 7KQ2-M9XD-4HTA',
    ],
    [
      'an unknown channel',
      { channel: 'fax' },
      'channel: channel must be one of the following values: wechat-resident, wechat-enterprise, hotline-12345, app, supervision-platform',
    ],
    [
      'an empty channel message id',
      { channelMessageId: '' },
      'channelMessageId: channelMessageId must be longer than or equal to 1 characters',
    ],
  ])('given %s, when decoded, then the field is named', (_, overrides, problem) => {
    expect(problemsOf(anAnswer(overrides))).toContain(problem);
  });

  it('given 1000 characters (counted as characters, not UTF-16 units), when decoded, then accepted', () => {
    expect(() =>
      decodePayload('channel.feedback-received', 1, JSON.stringify(anAnswer({ comment: '𠮷'.repeat(1000) }))),
    ).not.toThrow();
  });
});
