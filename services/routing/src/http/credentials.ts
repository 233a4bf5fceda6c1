import { createHash, timingSafeEqual } from 'node:crypto';
import { ValidateBy, type ValidationArguments } from 'class-validator';

export const OPERATOR_ROLES = ['triage', 'admin'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/** An operator's bearer token: `triage` clears the triage queue, `admin` loads district files. */
export interface OperatorCredential {
  readonly id: string;
  readonly token: string;
  readonly roles: readonly OperatorRole[];
}

/** A department system's bearer token: it reaches that department's work orders only (TOWN: one town's, if set). */
export interface DepartmentCredential {
  readonly id: string;
  readonly department: string;
  readonly token: string;
  readonly town?: string;
}

export type Principal =
  | { readonly kind: 'operator'; readonly id: string; readonly roles: readonly OperatorRole[] }
  | { readonly kind: 'department'; readonly id: string; readonly department: string; readonly town?: string };

export const MIN_TOKEN_LENGTH = 32;
const ID = /^[A-Za-z0-9._-]{1,64}$/;
const DEPARTMENT = /^[A-Z][A-Z0-9_]*$/;

type Parse<T> = { ok: true; credentials: T[] } | { ok: false; problems: string[] };

/** Problems never quote a token, nor anything an operator might have pasted a token into by mistake. */
function parseList<T extends { id: string; token: string }>(
  raw: string,
  fields: readonly string[],
  entryProblems: (entry: Record<string, unknown>, at: string) => string[],
): Parse<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, problems: ['must be a JSON array (not valid JSON)'] };
  }
  if (!Array.isArray(parsed)) return { ok: false, problems: ['must be a JSON array'] };
  const problems = parsed.flatMap((entry: unknown, index): string[] => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      return [`entry ${index}: must be an object`];
    const record = entry as Record<string, unknown>;
    const at =
      typeof record.id === 'string' && ID.test(record.id) ? `entry ${index} (id "${record.id}")` : `entry ${index}`;
    return [
      ...Object.keys(record)
        .filter((field) => !fields.includes(field))
        .map((field) => `${at}: unknown field${/^\w{1,64}$/.test(field) ? ` "${field}"` : ''}`),
      ...(typeof record.id === 'string' && ID.test(record.id)
        ? []
        : [`${at}: id must be 1-64 letters, digits, ".", "_" or "-"`]),
      ...(typeof record.token === 'string' && record.token.length >= MIN_TOKEN_LENGTH
        ? []
        : [`${at}: token must be a string of at least ${MIN_TOKEN_LENGTH} characters`]),
      ...entryProblems(record, at),
    ];
  });
  const list = parsed as T[];
  const ids = list.map((entry) => entry.id);
  problems.push(...ids.filter((id, index) => ids.indexOf(id) !== index).map((id) => `duplicate id "${id}"`));
  const tokens = list.map((entry) => entry.token);
  if (new Set(tokens).size !== tokens.length) problems.push('two entries share a token');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, credentials: list };
}

export function parseOperatorTokens(raw: string): Parse<OperatorCredential> {
  return parseList<OperatorCredential>(raw, ['id', 'token', 'roles'], (entry, at) => {
    const roles = entry.roles;
    const valid =
      Array.isArray(roles) && roles.length > 0 && roles.every((role) => OPERATOR_ROLES.includes(role as OperatorRole));
    return valid ? [] : [`${at}: roles must be a non-empty list of ${OPERATOR_ROLES.join(', ')}`];
  });
}

export function parseDepartmentCredentials(raw: string): Parse<DepartmentCredential> {
  return parseList<DepartmentCredential>(raw, ['id', 'token', 'department', 'town'], (entry, at) => [
    ...(typeof entry.department === 'string' && DEPARTMENT.test(entry.department)
      ? []
      : [`${at}: department must be a department code`]),
    ...(entry.town === undefined || (typeof entry.town === 'string' && DEPARTMENT.test(entry.town))
      ? []
      : [`${at}: town must be a town code`]),
  ]);
}

/** Validates a credentials variable at boot; the message lists every problem, never a token. */
export function IsCredentialList(parse: (raw: string) => Parse<unknown>): PropertyDecorator {
  const problemsOf = (value: unknown): string[] => {
    if (typeof value !== 'string') return ['must be a JSON array'];
    const result = parse(value);
    return result.ok ? [] : result.problems;
  };
  return ValidateBy({
    name: 'isCredentialList',
    validator: {
      validate: (value: unknown) => problemsOf(value).length === 0,
      defaultMessage: (args?: ValidationArguments) => problemsOf(args?.value).join('; ').replaceAll('$', '＄'),
    },
  });
}

const digest = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/**
 * Finds who a bearer token belongs to. Every known token is compared, each in constant time over equal-length
 * digests, so neither the comparison nor the number of comparisons tells how close a guess was.
 */
export class Authenticator {
  private readonly known: { digest: Buffer; principal: Principal }[];

  constructor(operators: readonly OperatorCredential[], departments: readonly DepartmentCredential[]) {
    this.known = [
      ...operators.map(({ id, token, roles }) => ({
        digest: digest(token),
        principal: { kind: 'operator', id, roles } as const,
      })),
      ...departments.map(({ id, token, department, town }) => ({
        digest: digest(token),
        principal: { kind: 'department', id, department, ...(town ? { town } : {}) } as const,
      })),
    ];
  }

  /** The principal of an `Authorization: Bearer <token>` header, or undefined. */
  authenticate(authorization: string | undefined): Principal | undefined {
    const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(authorization ?? '');
    if (!match?.[1]) return undefined;
    const presented = digest(match[1]);
    let found: Principal | undefined;
    for (const { digest: candidate, principal } of this.known) {
      if (timingSafeEqual(candidate, presented)) found = principal;
    }
    return found;
  }
}
