import type { ValidationError } from 'class-validator';

/** A field of a payload, by its path (`text`, `reporter.phone`, `items[0].name`), and why it is wrong. */
export interface FieldProblems {
  field: string;
  problems: string[];
}

function pathOf(parent: string, property: string | undefined): string {
  if (property === undefined || property === '') return parent;
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/**
 * Each bad field, by its path ('' for the payload itself), with every reason class-validator gave. Only the
 * constraints' messages are used, never the rejected value: it may be personal data. The parts of a field that is
 * itself wrong (an array where an object belongs) are not listed: they say nothing more, and there may be thousands.
 */
export function fieldProblemsOf(errors: readonly ValidationError[], parent = ''): FieldProblems[] {
  return errors.flatMap((error) => {
    const field = pathOf(parent, error.property);
    const problems = Object.values(error.constraints ?? {});
    if (problems.length > 0) return [{ field, problems }];
    return fieldProblemsOf(error.children ?? [], field);
  });
}

/** One line per problem, `<field>: <problem>`, as a dead letter's reason lists them. */
export function problemLines(fields: readonly FieldProblems[]): string[] {
  return fields.flatMap(({ field, problems }) => problems.map((problem) => `${field}: ${problem}`));
}
