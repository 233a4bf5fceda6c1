import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Every code intake's HTTP side answers an error with. Documented in docs/operations.md and /docs. */
export const INTAKE_ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'NOT_RESOLVED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'TOO_MANY_REQUESTS',
  'RATE_LIMITED',
  'REQUEST_REJECTED',
  'INTERNAL_ERROR',
] as const;
export type IntakeErrorCode = (typeof INTAKE_ERROR_CODES)[number];

export function statusOf(code: IntakeErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'MALFORMED_JSON':
    case 'BAD_REQUEST':
    case 'REQUEST_REJECTED':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'METHOD_NOT_ALLOWED':
      return 405;
    case 'CONFLICT':
    case 'NOT_RESOLVED':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'TOO_MANY_REQUESTS':
    case 'RATE_LIMITED':
      return 429;
    case 'INTERNAL_ERROR':
      return 500;
  }
}

const CODE_OF_STATUS: Readonly<Record<number, IntakeErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/**
 * The code of an error status that did not come as an IntakeHttpError (Nest's own exceptions, e.g. an unknown
 * route); REQUEST_REJECTED for any other 4xx, which keeps its own status.
 */
export function codeOfStatus(status: number): IntakeErrorCode {
  return CODE_OF_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'REQUEST_REJECTED');
}

export class FieldProblems {
  /** The field's path in the body: `text`, `reporter.phone`, `items[0].name`. */
  @ApiProperty({ example: 'reporter.phone' })
  field!: string;

  @ApiProperty({ type: [String], example: ['phone must be a mainland mobile or landline number'] })
  problems!: string[];
}

export class ErrorDetail {
  @ApiProperty({ enum: INTAKE_ERROR_CODES, example: 'VALIDATION_FAILED' })
  code!: IntakeErrorCode;

  @ApiProperty({ example: 'the request has invalid fields: reporter.phone' })
  message!: string;

  @ApiPropertyOptional({ type: [FieldProblems], description: 'VALIDATION_FAILED only: each bad field and why.' })
  fields?: FieldProblems[];
}

/** The one body of every error intake answers over HTTP: `{"error": {"code", "message", "fields"?}}`. */
export class ErrorResponse {
  @ApiProperty({ type: ErrorDetail })
  error!: ErrorDetail;
}

/** Intake's HTTP errors: a code (which decides the status), a message for the caller, and for validation the fields. */
export class IntakeHttpError extends Error {
  constructor(
    readonly code: IntakeErrorCode,
    message: string,
    readonly fields?: readonly FieldProblems[],
  ) {
    super(message);
    this.name = 'IntakeHttpError';
  }

  get status(): number {
    return statusOf(this.code);
  }

  toBody(): ErrorResponse {
    return errorBody(this.code, this.message, this.fields);
  }
}

export function errorBody(code: IntakeErrorCode, message: string, fields?: readonly FieldProblems[]): ErrorResponse {
  return { error: { code, message, ...(fields ? { fields: [...fields] } : {}) } };
}
