import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { jsonShapeProblems } from '@petitions/contracts';
import { IntakeHttpError } from './intake-http.error';
import { invalidFields } from './validation-failed';

/** A request as the body parser leaves it: Nest's `rawBody: true` keeps the exact bytes that were read. */
export interface BodyRequest extends IncomingMessage {
  rawBody?: Buffer;
  body?: unknown;
}
type Next = (error?: unknown) => void;
type Middleware = (request: BodyRequest, response: ServerResponse, next: Next) => void;
type ErrorMiddleware = (error: unknown, request: BodyRequest, response: ServerResponse, next: Next) => void;

function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function isUtf8MediaType(contentType: string | undefined, expected: string): boolean {
  if (!contentType) return false;
  const [mediaType = '', ...parameters] = contentType.split(';').map((part) => part.trim().toLowerCase());
  if (mediaType !== expected) return false;
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length);
  return charset === undefined || charset.replaceAll('"', '') === 'utf-8';
}

/** `application/json`, with no charset or UTF-8 (RFC 8259: JSON between systems is UTF-8). */
export function isUtf8Json(contentType: string | undefined): boolean {
  return isUtf8MediaType(contentType, 'application/json');
}

/** `application/x-www-form-urlencoded`, with no charset or UTF-8 (Open311 forms are UTF-8). */
export function isUtf8Form(contentType: string | undefined): boolean {
  return isUtf8MediaType(contentType, 'application/x-www-form-urlencoded');
}

/**
 * Before a byte of the body is read: a declared length over the limit is 413 at once (no headers looked at, no
 * signature checked), and a body that is not UTF-8 JSON (or, under `formPrefix`, a UTF-8 form) is 415.
 */
function screenBody(limitBytes: number, formPrefix: string | undefined): Middleware {
  return (request, response, next) => {
    if (!hasBody(request)) return next();
    const declared = Number(request.headers['content-length']);
    if (declared > limitBytes) {
      // The rest of the body is not wanted: close the connection after answering instead of reading it.
      response.setHeader('connection', 'close');
      return next(new IntakeHttpError('PAYLOAD_TOO_LARGE', `the body may be at most ${limitBytes} bytes`));
    }
    const contentType = request.headers['content-type'];
    const formsAllowed = formPrefix !== undefined && (request.url ?? '').startsWith(formPrefix);
    if (formsAllowed && isUtf8Form(contentType)) return next();
    if (!isUtf8Json(contentType)) {
      const expected = formsAllowed ? 'application/x-www-form-urlencoded' : 'application/json';
      return next(new IntakeHttpError('UNSUPPORTED_MEDIA_TYPE', `the body must be ${expected} in UTF-8`));
    }
    next();
  };
}

/** The bytes a form's percent-escapes stand for (`+` is a space), so that their UTF-8 can be checked. */
export function formBytes(raw: Buffer): Buffer {
  const text = raw.toString('latin1').replaceAll('+', ' ');
  return Buffer.from(
    text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );
}

function jsonKindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * The bytes must be UTF-8: JSON.parse has replaced anything else by U+FFFD, so the text would not say what the
 * channel signed (and bytes outside a string make the JSON fail to parse, for the same reason).
 */
function notUtf8(request: BodyRequest, form: boolean): IntakeHttpError | undefined {
  // A form's bytes are percent-escaped: what they stand for must be UTF-8 too (the parser would put U+FFFD there).
  if (!request.rawBody || isUtf8(form ? formBytes(request.rawBody) : request.rawBody)) return undefined;
  return new IntakeHttpError('MALFORMED_JSON', 'the body is not valid UTF-8');
}

/**
 * After parsing: the bytes are UTF-8, and intake's bodies are JSON objects of a shape that validation can take (not
 * nested too deep, no huge arrays, no key twice, no `__proto__`). Refused before the signature is checked, like
 * malformed JSON: only the bytes are looked at.
 */
export const checkParsedBody: Middleware = (request, _response, next) => {
  if (request.body === undefined) return next();
  const form = isUtf8Form(request.headers['content-type']);
  const encoding = notUtf8(request, form);
  if (encoding) return next(encoding);
  // A form is flat by construction (extended: false, at most 100 parameters): no JSON shape to check.
  if (form) return next();
  if (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body)) {
    return next(
      invalidFields([{ field: '', problems: [`the body must be a JSON object, not ${jsonKindOf(request.body)}`] }]),
    );
  }
  const shape = request.rawBody ? jsonShapeProblems(request.rawBody.toString('utf8')) : [];
  if (shape.length > 0) return next(invalidFields(shape));
  next();
};

/** Where JSON.parse gave up, if it said (never the text around it: that may be personal data). */
function whereParsingFailed(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position !== undefined) return ` (at character ${position})`;
  return /end of JSON input/.test(message) ? ' (it ends too early)' : '';
}

/**
 * body-parser's errors (by their `type`) as intake's, JSON that does not parse because it is not UTF-8 said as such;
 * anything else passes on unchanged.
 */
export function bodyParserError(error: unknown, request: BodyRequest, limitBytes: number): unknown {
  const type = (error as { type?: unknown } | null)?.type;
  switch (type) {
    case 'entity.too.large':
      return new IntakeHttpError('PAYLOAD_TOO_LARGE', `the body may be at most ${limitBytes} bytes`);
    case 'entity.parse.failed':
      return (
        notUtf8(request, isUtf8Form(request.headers['content-type'])) ??
        new IntakeHttpError('MALFORMED_JSON', `the body is not valid JSON${whereParsingFailed(error)}`)
      );
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new IntakeHttpError('UNSUPPORTED_MEDIA_TYPE', 'the body must be application/json in UTF-8, uncompressed');
    case 'request.aborted':
    case 'request.size.invalid':
    case 'parameters.too.many':
      return new IntakeHttpError('BAD_REQUEST', 'the body was not received as declared');
    default:
      return error;
  }
}

/**
 * Intake reads bodies itself (the service definition's `rawBody: true`): JSON only, at most `limitBytes`, kept as
 * the raw bytes that the channel signed (`request.rawBody`); under `formPrefix` (Open311) also UTF-8 forms, each
 * parameter once or as a list of its values, no nesting. Every failure reaches the HTTP error filter as an
 * IntakeHttpError. Call before the app listens: Nest adds its default parsers only where none is registered.
 */
export function configureBodyParsing(app: INestApplication, limitBytes: number, formPrefix?: string): void {
  const translate: ErrorMiddleware = (error, request, _response, next) =>
    next(bodyParserError(error, request, limitBytes));
  app.use(screenBody(limitBytes, formPrefix));
  // inflate false: a compressed body would be checked and limited after inflating, not as sent.
  // strict false: a body of JSON that is no object is refused as such (below), not as JSON that does not parse.
  (app as NestExpressApplication).useBodyParser('json', { limit: limitBytes, inflate: false, strict: false });
  (app as NestExpressApplication).useBodyParser('urlencoded', {
    limit: limitBytes,
    inflate: false,
    extended: false,
    parameterLimit: 100,
  });
  app.use(checkParsedBody);
  app.use(translate);
}
