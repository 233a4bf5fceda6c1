import { fieldProblemsOf } from '@petitions/contracts';
import type { ValidationError } from 'class-validator';
import { type FieldProblems, IntakeHttpError } from './intake-http.error';

/** The body as a whole (not a JSON object, say) rather than one of its fields. */
export const BODY_FIELD = '(body)';

/** 400 VALIDATION_FAILED naming each field, with its problems; a field without a path is the body itself. */
export function invalidFields(fields: readonly FieldProblems[]): IntakeHttpError {
  const named = fields.map((entry) => ({ ...entry, field: entry.field || BODY_FIELD }));
  const names = named.map((entry) => entry.field).join(', ');
  return new IntakeHttpError('VALIDATION_FAILED', `the request has invalid fields: ${names}`, named);
}

/**
 * The ValidationPipe's exceptionFactory: each bad field by its path in the body (`reporter.phone`, `items[0].name`)
 * with every reason class-validator gave, never the rejected value (it may be personal data).
 */
export function validationFailed(errors: ValidationError[]): IntakeHttpError {
  return invalidFields(fieldProblemsOf(errors));
}
