import {
  DEMO_OPERATOR_ID,
  DEMO_OPERATOR_TOKEN,
  DEMO_OPERATOR_TOKENS,
  operatorTokensProblems,
  OperatorTokens,
} from './operator-tokens';

const ZHANG = 'zhang-token-0123456789abcdef0123456789';
const LI = 'li-token-0123456789abcdef0123456789abcd';

describe('operatorTokensProblems', () => {
  it('accepts an object of operator ids and tokens of 32 characters or more, and the demo default', () => {
    expect(operatorTokensProblems(JSON.stringify({ 'op.zhang': ZHANG, 'op.li': LI }))).toEqual([]);
    expect(operatorTokensProblems(DEMO_OPERATOR_TOKENS)).toEqual([]);
  });

  it.each([
    ['not JSON', '{"op":', 'must be a JSON object {"<operatorId>": "<token>"}'],
    ['an array', '[]', 'must be a JSON object {"<operatorId>": "<token>"}'],
    ['no operator', '{}', 'must name at least one operator'],
    ['a short token', '{"op.zhang": "short"}', 'operator "op.zhang": the token must be a string of at least 32'],
    ['a bad id', `{"张 三": "${ZHANG}"}`, 'an operator id must be 1-64 letters'],
    ['a shared token', `{"a": "${ZHANG}", "b": "${ZHANG}"}`, 'operator "b": the token is another operator'],
  ])('refuses %s', (_case, value, problem) => {
    expect(operatorTokensProblems(value).join('; ')).toContain(problem);
  });

  it('never quotes a token in its problems', () => {
    const problems = operatorTokensProblems(`{"a": "${ZHANG}", "b": "${ZHANG}", "c": "secret-but-short"}`).join(' ');
    expect(problems).not.toContain(ZHANG);
    expect(problems).not.toContain('secret-but-short');
  });
});

describe('OperatorTokens', () => {
  const tokens = new OperatorTokens({ 'op.zhang': ZHANG, 'op.li': LI });

  it('names the operator a token belongs to', () => {
    expect(tokens.operatorOf(ZHANG)).toBe('op.zhang');
    expect(tokens.operatorOf(LI)).toBe('op.li');
  });

  it.each([
    ['another string', 'nobody-token-0123456789abcdef0123456789'],
    ['a prefix', ZHANG.slice(0, -1)],
    ['a longer string', `${ZHANG}x`],
    ['an empty string', ''],
  ])('names nobody for %s', (_case, token) => {
    expect(tokens.operatorOf(token)).toBeUndefined();
  });

  it('warns at start when the demo token is configured, and only then', () => {
    const warnings: string[] = [];
    const logger = { warn: (message: string) => void warnings.push(message) };
    expect(OperatorTokens.fromConfig(DEMO_OPERATOR_TOKENS, logger).operatorOf(DEMO_OPERATOR_TOKEN)).toBe(
      DEMO_OPERATOR_ID,
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).not.toContain(DEMO_OPERATOR_TOKEN);
    OperatorTokens.fromConfig(JSON.stringify({ 'op.zhang': ZHANG }), logger);
    expect(warnings).toHaveLength(1);
  });

  it('refuses a configuration that was not validated', () => {
    expect(() => OperatorTokens.fromConfig('{}')).toThrow('INTAKE_OPERATOR_TOKENS: must name at least one operator');
  });
});
