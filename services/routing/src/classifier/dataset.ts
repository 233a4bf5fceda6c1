import type { Complexity } from '@petitions/contracts';

/** One labelled petition, as in `petitions.dev.jsonl`. */
export interface LabelledPetition {
  id: string;
  text: string;
  channel?: string;
  town?: string;
  unit?: string;
  expectedDepartment: string;
  coDepartments: string[];
  complexity: Complexity;
  urgent: boolean;
}

export class DatasetError extends Error {
  override readonly name = 'DatasetError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(record: Record<string, unknown>, key: string, where: string): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new DatasetError(`${where}: "${key}" must be a string or null`);
  return value;
}

function requiredString(record: Record<string, unknown>, key: string, where: string): string {
  const value = optionalString(record, key, where);
  if (!value) throw new DatasetError(`${where}: "${key}" must be a non-empty string`);
  return value;
}

function parseLine(line: string, lineNumber: number): LabelledPetition {
  const where = `line ${lineNumber}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    throw new DatasetError(`${where}: not JSON (${(error as Error).message})`);
  }
  if (!isRecord(parsed)) throw new DatasetError(`${where}: not a JSON object`);
  const coDepartments = parsed['co_departments'] ?? [];
  if (!Array.isArray(coDepartments) || !coDepartments.every((code): code is string => typeof code === 'string')) {
    throw new DatasetError(`${where}: "co_departments" must be an array of department codes`);
  }
  const complexity = parsed['complexity'];
  if (complexity !== 'general' && complexity !== 'complex') {
    throw new DatasetError(`${where}: "complexity" must be "general" or "complex"`);
  }
  const urgent = parsed['urgent'];
  if (typeof urgent !== 'boolean') throw new DatasetError(`${where}: "urgent" must be true or false`);
  return {
    id: optionalString(parsed, 'id', where) ?? `line-${lineNumber}`,
    text: requiredString(parsed, 'text', where),
    channel: optionalString(parsed, 'channel', where),
    town: optionalString(parsed, 'town', where),
    unit: optionalString(parsed, 'unit', where),
    expectedDepartment: requiredString(parsed, 'expected_department', where),
    coDepartments,
    complexity,
    urgent,
  };
}

/** Parses JSON Lines (blank lines skipped); a bad line throws with its line number. */
export function parsePetitions(jsonl: string): LabelledPetition[] {
  const petitions: LabelledPetition[] = [];
  jsonl.split(/\r?\n/).forEach((line, index) => {
    if (line.trim()) petitions.push(parseLine(line, index + 1));
  });
  return petitions;
}
