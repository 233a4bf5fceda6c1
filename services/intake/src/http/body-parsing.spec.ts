import type { ServerResponse } from 'node:http';
import { type BodyRequest, bodyParserError, checkParsedBody, formBytes, isUtf8Form, isUtf8Json } from './body-parsing';
import { IntakeHttpError } from './intake-http.error';

describe('isUtf8Json', () => {
  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['Application/JSON; Charset="UTF-8"', true],
    ['application/json; charset=latin1', false],
    ['application/json; charset=utf-16', false],
    ['application/x-www-form-urlencoded', false],
    ['text/plain', false],
    ['application/jsonp', false],
    [undefined, false],
  ])('given content-type %s, then %s', (contentType, expected) => {
    expect(isUtf8Json(contentType)).toBe(expected);
  });
});

describe('bodyParserError', () => {
  it.each([
    ['entity.too.large', 'PAYLOAD_TOO_LARGE', 413],
    ['entity.parse.failed', 'MALFORMED_JSON', 400],
    ['charset.unsupported', 'UNSUPPORTED_MEDIA_TYPE', 415],
    ['encoding.unsupported', 'UNSUPPORTED_MEDIA_TYPE', 415],
    ['request.aborted', 'BAD_REQUEST', 400],
  ])('given body-parser’s %s, then %s (%s)', (type, code, status) => {
    const error = bodyParserError(Object.assign(new Error('x'), { type }), requestOf('{}'), 65536);
    expect(error).toBeInstanceOf(IntakeHttpError);
    expect(error).toMatchObject({ code, status });
  });

  it('given any other error, then it passes unchanged', () => {
    const other = new Error('boom');
    expect(bodyParserError(other, requestOf('{}'), 65536)).toBe(other);
    expect(bodyParserError(null, requestOf('{}'), 65536)).toBeNull();
  });

  it.each([
    [
      'where it gave up',
      'Expected double-quoted property name in JSON at position 7 (line 1 column 8)',
      ' (at character 7)',
    ],
    ['that the text ended', 'Unexpected end of JSON input', ' (it ends too early)'],
    ['the text around it only', 'Unexpected token \'x\', "{x: 13812345678}" is not valid JSON', ''],
  ])('given JSON that does not parse, then the message says %s, never the text', (_label, parserMessage, where) => {
    const failure = Object.assign(new SyntaxError(parserMessage), { type: 'entity.parse.failed' });
    expect(bodyParserError(failure, requestOf('{'), 65536)).toMatchObject({
      code: 'MALFORMED_JSON',
      message: `the body is not valid JSON${where}`,
    });
  });

  it('given JSON that does not parse because its bytes are not UTF-8, then that is the reason given', () => {
    const failure = Object.assign(new SyntaxError('Unexpected token'), { type: 'entity.parse.failed' });
    const bytes = Buffer.concat([Buffer.from('{"a":1}'), Buffer.from([0xff])]);
    expect(bodyParserError(failure, requestOf(bytes), 65536)).toMatchObject({
      code: 'MALFORMED_JSON',
      message: 'the body is not valid UTF-8',
    });
  });
});

function requestOf(raw: string | Buffer, body?: unknown): BodyRequest {
  const rawBody = Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8');
  return { rawBody, body, headers: { 'content-type': 'application/json' } } as unknown as BodyRequest;
}

/** What checkParsedBody passes to `next`: undefined when the body may go on. */
function checked(raw: string | Buffer): unknown {
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : raw;
  let passed: unknown = 'next() not called';
  checkParsedBody(requestOf(raw, JSON.parse(text)), {} as ServerResponse, (error?: unknown) => (passed = error));
  return passed;
}

describe('checkParsedBody', () => {
  it('given a JSON object of a sane shape, then it goes on', () => {
    expect(checked('{"text":"路灯不亮","reporter":{"name":"李四"}}')).toBeUndefined();
  });

  it('given no body at all (a GET), then it goes on', () => {
    let passed: unknown = 'next() not called';
    checkParsedBody({} as BodyRequest, {} as ServerResponse, (error?: unknown) => (passed = error));
    expect(passed).toBeUndefined();
  });

  // Bug: a number, a string or null as the body was "not valid JSON" (body-parser's strict mode), an array was not.
  it.each([
    ['42', 'a number'],
    ['"text"', 'a string'],
    ['true', 'a boolean'],
    ['null', 'null'],
    ['[{"text":"a"}]', 'an array'],
  ])('given %s as the whole body, then VALIDATION_FAILED naming (body): not %s', (raw, kind) => {
    expect(checked(raw)).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: '(body)', problems: [`the body must be a JSON object, not ${kind}`] }],
    });
  });

  it('given bytes that are not UTF-8 inside a string (parsed as U+FFFD), then MALFORMED_JSON', () => {
    const raw = Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]);
    expect(checked(raw)).toMatchObject({ code: 'MALFORMED_JSON', message: 'the body is not valid UTF-8' });
  });

  it('given a key twice and a __proto__ key, then VALIDATION_FAILED naming each', () => {
    expect(checked('{"text":"a","__proto__":{"x":1},"text":"b"}')).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'the request has invalid fields: __proto__, text',
      fields: [
        { field: '__proto__', problems: ['property __proto__ should not exist'] },
        { field: 'text', problems: ['property text must not appear more than once'] },
      ],
    });
  });
});

describe('isUtf8Form', () => {
  it.each([
    ['application/x-www-form-urlencoded', true],
    ['application/x-www-form-urlencoded; charset=UTF-8', true],
    ['application/x-www-form-urlencoded; charset=gbk', false],
    ['application/json', false],
    [undefined, false],
  ])('given content-type %s, then %s', (contentType, expected) => {
    expect(isUtf8Form(contentType)).toBe(expected);
  });
});

describe('formBytes', () => {
  it('given percent-escapes and plus signs, then the bytes they stand for', () => {
    expect(formBytes(Buffer.from('a=%E8%B7%AF+%E7%81%AF&b=1')).toString('utf8')).toBe('a=路 灯&b=1');
  });

  it('given an escape of a byte that is no UTF-8, then that byte as it is', () => {
    expect([...formBytes(Buffer.from('a=%FF'))]).toEqual([...Buffer.from('a='), 0xff]);
  });
});

describe('checkParsedBody on an Open311 form', () => {
  const formRequest = (raw: string, body: unknown): BodyRequest =>
    ({
      rawBody: Buffer.from(raw, 'latin1'),
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }) as unknown as BodyRequest;
  const passedOn = (request: BodyRequest): unknown => {
    let passed: unknown = 'next() not called';
    checkParsedBody(request, {} as ServerResponse, (error?: unknown) => (passed = error));
    return passed;
  };

  it('given a flat UTF-8 form, then it goes on without a JSON shape check', () => {
    const raw = 'service_code=street-light&description=%E8%B7%AF%E7%81%AF%E4%B8%8D%E4%BA%AE';
    expect(passedOn(formRequest(raw, { service_code: 'street-light', description: '路灯不亮' }))).toBeUndefined();
  });

  it('given percent-escapes that stand for bytes that are not UTF-8, then it is refused as not UTF-8', () => {
    const refused = passedOn(formRequest('description=%FF%FE', { description: '\ufffd\ufffd' }));
    expect(refused).toBeInstanceOf(IntakeHttpError);
    expect((refused as IntakeHttpError).message).toBe('the body is not valid UTF-8');
  });
});
