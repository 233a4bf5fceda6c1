import { bodyParserError, isUtf8Json } from './body-parsing';
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
