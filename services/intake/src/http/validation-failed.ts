import type { ValidationError } from 'class-validator';
import { type FieldProblems, IntakeHttpError } from './intake-http.error';

/** The body as a whole (not a JSON object, say) rather than one of its fields. */
export const BODY_FIELD = '(body)';

function pathOf(parent: string, property: string | undefined): string {
  if (property === undefined || property === '') return parent;
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/**
 * Each bad field, by its path in the body (`reporter.phone`, `items[0].name`), with every reason class-validator
 * gave. Only the constraints' messages are used, never the rejected value: it may be personal data.
 */
export function fieldProblemsOf(errors: readonly ValidationError[], parent = ''): FieldProblems[] {
  return errors.flatMap((error) => {
    const field = pathOf(parent, error.property);
    const problems = Object.values(error.constraints ?? {});
    const own = problems.length > 0 ? [{ field: field || BODY_FIELD, problems }] : [];
    return [...own, ...fieldProblemsOf(error.children ?? [], field)];
  });
}

/** 400 VALIDATION_FAILED naming the fields, with the fields. */
export function invalidFields(fields: readonly FieldProblems[]): IntakeHttpError {
  const names = fields.map((entry) => entry.field).join(', ');
  return new IntakeHttpError('VALIDATION_FAILED', `the request has invalid fields: ${names}`, fields);
}

/** The ValidationPipe's exceptionFactory: 400 VALIDATION_FAILED with the fields. */
export function validationFailed(errors: ValidationError[]): IntakeHttpError {
  return invalidFields(fieldProblemsOf(errors));
}
