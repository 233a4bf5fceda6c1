import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { decodePayload, PayloadDecodeError } from '@petitions/contracts';
import { SubmitPetitionDto } from '../petitions/submit-petition.dto';

/**
 * `POST /petitions` and `channel.inbound` must accept and normalise exactly the same messages: the same channel
 * message over either way is one petition. The HTTP body is checked by intake's ValidationPipe against
 * SubmitPetitionDto, the Kafka payload by the contracts library; this spec puts one corpus through both. (The
 * JSON text's own shape, e.g. a key twice, is checked before either, by one function: jsonShapeProblems.)
 */

// The pipe intake registers as APP_PIPE (intake.module.ts).
const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });

type Outcome = { accepted: true; value: unknown } | { accepted: false };

async function overHttp(body: unknown): Promise<Outcome> {
  try {
    const value: unknown = await pipe.transform(body, { type: 'body', metatype: SubmitPetitionDto });
    return { accepted: true, value: JSON.parse(JSON.stringify(value)) };
  } catch (error) {
    if (error instanceof BadRequestException) return { accepted: false };
    throw error;
  }
}

function overKafka(body: unknown): Outcome {
  try {
    const value = decodePayload('channel.message-received', 1, JSON.stringify(body));
    return { accepted: true, value: JSON.parse(JSON.stringify(value)) };
  } catch (error) {
    if (error instanceof PayloadDecodeError) return { accepted: false };
    throw error;
  }
}

const base = { channel: 'wechat-resident', channelMessageId: 'wx-1', text: '南江北路下水道堵塞污水外流' };
const ID_NUMBER = '11010519491231002X';

const CORPUS: [string, Record<string, unknown>][] = [
  ['the required fields', base],
  ['every field', { ...base, town: 'FUKOU_TOWN', unit: 'FULING', grid: 'FULING-02' }],
  ['markup and SQL in the text', { ...base, text: `<script>alert(1)</script>'; DROP TABLE petitions; --` }],
  ['a text of 4000 characters', { ...base, text: 'x'.repeat(4000) }],
  ['a text of 4001 characters', { ...base, text: 'x'.repeat(4001) }],
  ['an empty text', { ...base, text: '' }],
  ['a NUL character in the text', { ...base, text: 'a\u0000b' }],
  ['a lone surrogate in the text', { ...base, text: 'a\ud800b' }],
  ['a surrogate pair (an emoji) in the text', { ...base, text: 'a\ud83d\ude00b' }],
  ['a lone surrogate in the reporter name', { ...base, reporter: { name: '\udc00李四' } }],
  ['a text of spaces', { ...base, text: '   ' }],
  ['an unknown channel', { ...base, channel: 'fax' }],
  ['a channel in upper case', { ...base, channel: 'APP' }],
  ['no channelMessageId', { channel: 'app', text: 'x' }],
  ['a channelMessageId of 201 characters', { ...base, channelMessageId: 'm'.repeat(201) }],
  ['a number as channelMessageId', { ...base, channelMessageId: 42 }],
  ['an array as text', { ...base, text: ['x'] }],
  ['a town in lower case', { ...base, town: 'fukou' }],
  ['a grid with a space', { ...base, grid: 'G 1' }],
  ['null optional fields', { ...base, town: null, unit: null, grid: null, reporter: null }],
  ['an unknown field', { ...base, status: 'resolved' }],
  ['a reporter in usual notations', { ...base, reporter: { name: ' 李四 ', phone: '+86 138-1234-5678' } }],
  ['a landline with an extension', { ...base, reporter: { phone: '(0731) 8456 1234 转 123' } }],
  ['a resident ID with a lower-case x', { ...base, reporter: { idNumber: ` ${ID_NUMBER.toLowerCase()} ` } }],
  ['a resident ID with a wrong check digit', { ...base, reporter: { idNumber: '110105194912310021' } }],
  ['a phone that is no phone', { ...base, reporter: { phone: '12345' } }],
  ['an empty reporter name', { ...base, reporter: { name: '  ' } }],
  ['an unknown reporter field', { ...base, reporter: { email: 'li@example.com' } }],
  ['a reporter that is a string', { ...base, reporter: '李四' }],
  ['a reporter that is an array', { ...base, reporter: [{ name: '李四' }] }],
  ['an empty reporter', { ...base, reporter: {} }],
];

describe('a channel message over HTTP and over Kafka', () => {
  it.each(CORPUS)('given %s, when checked both ways, then both give the same outcome', async (_label, body) => {
    expect(overKafka(body)).toEqual(await overHttp(body));
  });

  it('given the corpus, then it has both accepted and rejected messages (so the comparison can fail)', async () => {
    const outcomes = await Promise.all(CORPUS.map(([, body]) => overHttp(body)));
    expect(new Set(outcomes.map((outcome) => outcome.accepted))).toEqual(new Set([true, false]));
  });
});
