import { bodyParserError, formBytes, isUtf8Form, isUtf8Json } from './body-parsing';
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
    const error = bodyParserError(Object.assign(new Error('x'), { type }), 65536);
    expect(error).toBeInstanceOf(IntakeHttpError);
    expect(error).toMatchObject({ code, status });
  });

  it('given any other error, then it passes unchanged', () => {
    const other = new Error('boom');
    expect(bodyParserError(other, 65536)).toBe(other);
    expect(bodyParserError(null, 65536)).toBeNull();
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
