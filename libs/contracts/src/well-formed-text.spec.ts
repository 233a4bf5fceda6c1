import { WELL_FORMED_TEXT, wellFormedTextProblem } from './well-formed-text';

const SAMPLES: [string, string, string | undefined][] = [
  ['plain text', '路灯不亮 <b>x</b>', undefined],
  ['astral characters (surrogate pairs)', '😀𠀀 ok', undefined],
  ['an empty string', '', undefined],
  ['a NUL character', 'a\u0000b', 'must not contain the NUL character (U+0000)'],
  ['a lone high surrogate', 'a\ud800b', 'must not contain an unpaired surrogate (\\ud800-\\udfff without its pair)'],
  [
    'a lone low surrogate at the end',
    'ab\udc00',
    'must not contain an unpaired surrogate (\\ud800-\\udfff without its pair)',
  ],
  [
    'a pair in the wrong order',
    '\ude00\ud83d',
    'must not contain an unpaired surrogate (\\ud800-\\udfff without its pair)',
  ],
];

describe('wellFormedTextProblem', () => {
  it.each(SAMPLES)('given %s, then the expected problem', (_label, value, problem) => {
    expect(wellFormedTextProblem(value)).toBe(problem);
  });

  it.each(SAMPLES)('given %s, then the documented pattern agrees with the rule', (_label, value, problem) => {
    expect(WELL_FORMED_TEXT.test(value)).toBe(problem === undefined);
  });
});
