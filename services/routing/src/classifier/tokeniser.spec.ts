import { normalise, tokenise } from './tokeniser';

describe('tokenise', () => {
  it('given a Han run, when tokenised, then it gives its 1-, 2- and 3-grams', () => {
    expect(tokenise('停电了')).toEqual(['停', '电', '了', '停电', '电了', '停电了']);
  });

  it('given maxN 2, when tokenised, then no 3-grams', () => {
    expect(tokenise('停电了', 2)).toEqual(['停', '电', '了', '停电', '电了']);
  });

  it('given punctuation and spaces between phrases, when tokenised, then no n-gram crosses them', () => {
    const tokens = tokenise('停电，变压器 冒烟');
    expect(tokens).toContain('变压器');
    expect(tokens).toContain('冒烟');
    expect(tokens.some((token) => token.includes('电变') || token.includes('器冒') || token.includes('，'))).toBe(
      false,
    );
  });

  it('given mixed Chinese, ASCII, digits and emoji, when tokenised, then words, numbers and emoji are tokens', () => {
    expect(tokenise('C区供水压力不稳 8楼以上冇水😤😤 call 12345!')).toEqual([
      'w:c',
      '区',
      '供',
      '水',
      '压',
      '力',
      '不',
      '稳',
      '区供',
      '供水',
      '水压',
      '压力',
      '力不',
      '不稳',
      '区供水',
      '供水压',
      '水压力',
      '压力不',
      '力不稳',
      'w:0',
      '楼',
      '以',
      '上',
      '冇',
      '水',
      '楼以',
      '以上',
      '上冇',
      '冇水',
      '楼以上',
      '以上冇',
      '上冇水',
      'e:😤',
      'e:😤',
      'w:call',
      'w:0',
    ]);
  });

  it('given an emoji of several code points (skin tone, ZWJ), when tokenised, then it is one token', () => {
    expect(tokenise('好👍🏻')).toEqual(['好', 'e:👍🏻']);
    expect(tokenise('👨‍👩‍👧')).toEqual(['e:👨‍👩‍👧']);
  });

  it('given full-width letters and digits, when tokenised, then they are the ASCII ones, lower case', () => {
    expect(tokenise('ＡＢＣ１２３')).toEqual(tokenise('abc123'));
    expect(normalise('Ｂ区，１号')).toBe('b区,1号');
  });

  it('given only punctuation, when tokenised, then no tokens', () => {
    expect(tokenise('，。！？…')).toEqual([]);
    expect(tokenise('')).toEqual([]);
  });

  it('given a maxN that is not a positive integer, when tokenised, then it throws', () => {
    expect(() => tokenise('停电', 0)).toThrow(RangeError);
    expect(() => tokenise('停电', 1.5)).toThrow(RangeError);
  });
});
