import { PayloadDecodeError, decodePayload } from '../decode';
import { channelMessageKey, type ChannelMessageReceivedV1 } from './channel-message-received.v1';

function aMessage(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const message: ChannelMessageReceivedV1 = {
    channel: 'hotline-12345',
    channelMessageId: 'call-20250601-0001',
    text: '伏岭社区停电了',
    town: 'FUKOU_TOWN',
    unit: 'FULING',
    grid: 'FULING-02',
  };
  return { ...message, ...overrides };
}

function problemsOf(payload: Record<string, unknown>): readonly string[] {
  try {
    decodePayload('channel.message-received', 1, JSON.stringify(payload));
  } catch (error) {
    if (error instanceof PayloadDecodeError) return error.problems;
    throw error;
  }
  throw new Error('expected a PayloadDecodeError');
}

describe('channel.message-received v1', () => {
  it('given only the required fields, when decoded, then it is accepted', () => {
    const required = { channel: 'app', channelMessageId: 'a', text: 'x' };
    expect(decodePayload('channel.message-received', 1, JSON.stringify(required))).toEqual(required);
  });

  it('given a channel that is not one of the district channel codes, when decoded, then channel is named', () => {
    expect(problemsOf(aMessage({ channel: 'fax' }))).toEqual([
      'channel: channel must be one of the following values: wechat-resident, wechat-enterprise, hotline-12345, app, supervision-platform',
    ]);
  });

  it.each([
    ['a town that is not in the district', { town: 'ATLANTIS' }, "town: town must be one of the district's town codes"],
    ['an unknown unit', { unit: 'NOWHERE' }, "unit: unit must be one of the district's unit codes"],
    ['an unknown grid', { grid: 'FULING-99' }, "grid: grid must be one of the district's grid codes"],
    [
      'a unit in another town',
      { town: 'YUEFENG' },
      'unit: unit does not fit the rest of the location: unit FULING is not in town YUEFENG',
    ],
    [
      'a grid in another unit',
      { grid: 'JIAQIAO-01' },
      'grid: grid does not fit the rest of the location: grid JIAQIAO-01 is not in unit FULING',
    ],
    ['an unknown category', { category: 'ufo-sighting' }, 'category: category must be one of the category codes'],
    ['a latitude beyond the pole', { latitude: 91 }, 'latitude: latitude must not be greater than 90'],
    ['an empty address', { address: '   ' }, 'address: address must be longer than or equal to 1 characters'],
  ])('given %s, when decoded, then that field is named', (_label, overrides, problem) => {
    expect(problemsOf(aMessage(overrides))).toEqual([problem]);
  });

  it('given a longitude as a string, when decoded, then longitude is named and the string is not converted', () => {
    expect(problemsOf(aMessage({ longitude: '113.1' }))).toContain(
      'longitude: longitude must be a number conforming to the specified constraints',
    );
  });

  it('given a grid and a town that fit without a unit, a category, a position and an address, then it is accepted', () => {
    const message = {
      channel: 'app',
      channelMessageId: 'app-1',
      text: '路灯不亮',
      town: 'YUEFENG',
      grid: 'JIAQIAO-02',
      address: ' 家桥村村部旁 ',
      latitude: 27.83,
      longitude: 113.15,
      category: 'street-light',
    };
    expect(decodePayload('channel.message-received', 1, JSON.stringify(message))).toEqual({
      ...message,
      address: '家桥村村部旁',
    });
  });

  it.each([
    ['empty', '', 'text: text must be longer than or equal to 1 characters'],
    ['4001 characters', 'x'.repeat(4001), 'text: text must be shorter than or equal to 4000 characters'],
    ['with a NUL character', 'a\u0000b', 'text: text must not contain the NUL character (U+0000)'],
  ])('given a text %s, when decoded, then text is named', (_label, text, problem) => {
    expect(problemsOf(aMessage({ text }))).toEqual([problem]);
  });

  it('given a text of exactly 4000 characters, some of them astral, when decoded, then it is accepted', () => {
    const text = `${'字'.repeat(3998)}😀😀`;
    expect(decodePayload('channel.message-received', 1, JSON.stringify(aMessage({ text }))).text).toBe(text);
  });

  it('given markup and SQL in the text, when decoded, then the text is kept verbatim', () => {
    const text = `<script>alert(1)</script>'); DROP TABLE intake.petitions; --`;
    expect(decodePayload('channel.message-received', 1, JSON.stringify(aMessage({ text }))).text).toBe(text);
  });

  it('given fields of the wrong JSON type, when decoded, then each is named and none is converted', () => {
    const problems = problemsOf(aMessage({ channelMessageId: 42, text: ['x'], unit: { code: 'FULING' } }));
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(
      expect.arrayContaining(['channelMessageId', 'text', 'unit']),
    );
    expect(problems).toContain('text: text must be a string');
  });

  it('given lower-case or over-long codes, when decoded, then town, unit and grid are named', () => {
    const problems = problemsOf(aMessage({ town: 'fukou', unit: `U${'X'.repeat(64)}`, grid: 'G 1' }));
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(['grid', 'town', 'unit']);
  });

  it('given a field the petition body does not have, when decoded, then it is rejected by name', () => {
    expect(problemsOf(aMessage({ status: 'resolved' }))).toEqual(['status: property status should not exist']);
  });

  it('given a reporter in usual notations, when decoded, then the contact is normalised', () => {
    const reporter = { name: ' 李四 ', phone: '+86 138-1234-5678', idNumber: '11010519491231002x', handle: 'li4' };
    const decoded = decodePayload('channel.message-received', 1, JSON.stringify(aMessage({ reporter })));
    expect(decoded.reporter).toEqual({
      name: '李四',
      phone: '13812345678',
      idNumber: '11010519491231002X',
      handle: 'li4',
    });
  });

  it('given a bad reporter, when decoded, then each bad field is named by its path and no value is quoted', () => {
    const reporter = { phone: '12345', idNumber: '110105194912310021', email: 'li@example.com' };
    const problems = problemsOf(aMessage({ reporter }));
    expect([...problems].sort()).toEqual([
      'reporter.email: property email should not exist',
      'reporter.idNumber: idNumber must be an 18-character resident ID number with a valid check digit',
      'reporter.phone: phone must be a mainland mobile or landline number',
    ]);
  });

  it('given a channel message, when keyed, then the key is "<channel>:<channelMessageId>"', () => {
    expect(channelMessageKey({ channel: 'wechat-resident', channelMessageId: 'wx:1' })).toBe('wechat-resident:wx:1');
  });
});
