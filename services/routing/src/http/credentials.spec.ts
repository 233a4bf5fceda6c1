import { Authenticator, parseDepartmentCredentials, parseOperatorTokens } from './credentials';

const TOKEN_A = 'a'.repeat(40);
const TOKEN_B = 'b'.repeat(40);

describe('credentials', () => {
  it('given good operator tokens, when parsed, then accepted', () => {
    const raw = JSON.stringify([{ id: 'op-1', token: TOKEN_A, roles: ['triage', 'admin'] }]);
    expect(parseOperatorTokens(raw)).toEqual({
      ok: true,
      credentials: [{ id: 'op-1', token: TOKEN_A, roles: ['triage', 'admin'] }],
    });
  });

  it('given bad entries, when parsed, then every problem is named and no token is quoted', () => {
    const raw = JSON.stringify([
      { id: 'op 1', token: 'short-secret', roles: ['root'] },
      { id: 'op-2', token: TOKEN_A, roles: ['triage'], extra: 1 },
      { id: 'op-2', token: TOKEN_A, roles: ['triage'] },
    ]);
    const result = parseOperatorTokens(raw);
    expect(result).toEqual({
      ok: false,
      problems: [
        'entry 0: id must be 1-64 letters, digits, ".", "_" or "-"',
        'entry 0: token must be a string of at least 32 characters',
        'entry 0: roles must be a non-empty list of triage, admin',
        'entry 1 (id "op-2"): unknown field "extra"',
        'duplicate id "op-2"',
        'two entries share a token',
      ],
    });
    expect(JSON.stringify(result)).not.toContain('short-secret');
  });

  it('given department credentials, when parsed, then the department and the town are checked', () => {
    expect(
      parseDepartmentCredentials(JSON.stringify([{ id: 'fire', department: 'fire', token: TOKEN_A, town: 'x' }])),
    ).toEqual({
      ok: false,
      problems: [
        'entry 0 (id "fire"): department must be a department code',
        'entry 0 (id "fire"): town must be a town code',
      ],
    });
    expect(parseDepartmentCredentials('not json')).toEqual({
      ok: false,
      problems: ['must be a JSON array (not valid JSON)'],
    });
  });

  it('given known tokens, when a bearer header is checked, then its holder; otherwise nobody', () => {
    const authenticator = new Authenticator(
      [{ id: 'op-1', token: TOKEN_A, roles: ['triage'] }],
      [{ id: 'town-yuefeng', department: 'TOWN', town: 'YUEFENG', token: TOKEN_B }],
    );
    expect(authenticator.authenticate(`Bearer ${TOKEN_A}`)).toEqual({
      kind: 'operator',
      id: 'op-1',
      roles: ['triage'],
    });
    expect(authenticator.authenticate(`Bearer ${TOKEN_B}`)).toEqual({
      kind: 'department',
      id: 'town-yuefeng',
      department: 'TOWN',
      town: 'YUEFENG',
    });
    expect(authenticator.authenticate(`Bearer ${TOKEN_A.slice(1)}`)).toBeUndefined();
    expect(authenticator.authenticate(TOKEN_A)).toBeUndefined();
    expect(authenticator.authenticate(undefined)).toBeUndefined();
    expect(authenticator.authenticate('Bearer ')).toBeUndefined();
  });
});
