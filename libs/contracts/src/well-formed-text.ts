import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Text that can be stored and passed on as it came: no U+0000 (PostgreSQL `text` cannot hold it; the insert would
 * fail) and no unpaired UTF-16 surrogate (a `\ud800` escape in JSON: it has no UTF-8 form, so it would be stored
 * as U+FFFD while the event still carried the escape). As a JSON Schema pattern, for the documents; the rule
 * itself is `isWellFormedText`.
 */
export const WELL_FORMED_TEXT = /^(?:[^\u0000\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/;

// In a /u pattern a surrogate pair is one code point, so only an unpaired surrogate is a code point of category Cs.
const UNPAIRED_SURROGATE = /\p{Cs}/u;

/** The name of the rule, for the AsyncAPI and OpenAPI mappings. */
export const IS_WELL_FORMED_TEXT = 'isWellFormedText';

/** Why a string is not well-formed text, or undefined when it is. */
export function wellFormedTextProblem(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (UNPAIRED_SURROGATE.test(value))
    return 'must not contain an unpaired surrogate (\\ud800-\\udfff without its pair)';
  return undefined;
}

/**
 * A string field holds well-formed text (see WELL_FORMED_TEXT). Judges strings only: that a value is a string at
 * all is @IsString's to say, once.
 */
export function IsWellFormedText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_WELL_FORMED_TEXT,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || wellFormedTextProblem(value) === undefined,
        defaultMessage: (args) =>
          `$property ${typeof args?.value === 'string' ? (wellFormedTextProblem(args.value) ?? '') : ''}`,
      },
    },
    options,
  );
}
