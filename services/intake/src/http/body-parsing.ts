import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { nestingProblems } from '@petitions/contracts';
import { IntakeHttpError } from './intake-http.error';
import { BODY_FIELD } from './validation-failed';

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

/**
 * After parsing: the bytes must be UTF-8 (JSON.parse has replaced anything else by U+FFFD, so the text would not say
 * what the channel signed), and intake's bodies are JSON objects.
 */
const checkParsedBody: Middleware = (request, _response, next) => {
  // A form's bytes are percent-escaped: what they stand for must be UTF-8 too (the parser would put U+FFFD there).
  const form = isUtf8Form(request.headers['content-type']);
  if (request.rawBody && !isUtf8(form ? formBytes(request.rawBody) : request.rawBody)) {
    return next(new IntakeHttpError('MALFORMED_JSON', 'the body is not valid UTF-8'));
  }
  // The same depth limit as the Kafka path: validation recurses per level, and 10,000 levels would overflow it.
  const tooDeep = typeof request.body === 'object' && request.body !== null ? nestingProblems(request.body) : [];
  if (tooDeep.length > 0) {
    return next(
      new IntakeHttpError(
        'VALIDATION_FAILED',
        'the body nests too deep',
        tooDeep.map((problem) => ({ field: problem.slice(0, problem.indexOf(':')), problems: [problem] })),
      ),
    );
  }
  if (Array.isArray(request.body)) {
    return next(
      new IntakeHttpError('VALIDATION_FAILED', 'the body must be a JSON object', [
        { field: BODY_FIELD, problems: ['the body must be a JSON object, not an array'] },
      ]),
    );
  }
  next();
};

/** body-parser's errors (by their `type`) as intake's; anything else passes on unchanged. */
export function bodyParserError(error: unknown, limitBytes: number): unknown {
  const type = (error as { type?: unknown } | null)?.type;
  switch (type) {
    case 'entity.too.large':
      return new IntakeHttpError('PAYLOAD_TOO_LARGE', `the body may be at most ${limitBytes} bytes`);
    case 'entity.parse.failed':
      return new IntakeHttpError('MALFORMED_JSON', 'the body is not valid JSON');
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
  const translate: ErrorMiddleware = (error, _request, _response, next) => next(bodyParserError(error, limitBytes));
  app.use(screenBody(limitBytes, formPrefix));
  // inflate false: a compressed body would be checked and limited after inflating, not as sent.
  (app as NestExpressApplication).useBodyParser('json', { limit: limitBytes, inflate: false });
  (app as NestExpressApplication).useBodyParser('urlencoded', {
    limit: limitBytes,
    inflate: false,
    extended: false,
    parameterLimit: 100,
  });
  app.use(checkParsedBody);
  app.use(translate);
}
