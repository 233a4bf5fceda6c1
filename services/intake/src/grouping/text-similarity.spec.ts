import {
  combinedProfile,
  cosine,
  normaliseForMatching,
  profileOf,
  similarityToGroup,
  textSimilarity,
} from './text-similarity';

describe('normaliseForMatching', () => {
  it('folds full-width forms and case, and ends runs at punctuation, emoji and spaces', () => {
    expect(normaliseForMatching('ＡＢＣ栋１２３号，停电了！！😭 热得要死')).toEqual([
      'abc栋123号',
      '停电了',
      '热得要死',
    ]);
  });

  it('removes the district’s place names (full and short) and the hotline’s house style', () => {
    expect(normaliseForMatching('来电人反映：伏岭社区停电')).toEqual(['停电']);
    expect(normaliseForMatching('伏岭这边停电')).toEqual(['这边停电']);
    expect(normaliseForMatching('请求相关部门尽快处理')).toEqual([]);
  });

  it('folds the dialect’s 冇 into 没', () => {
    expect(normaliseForMatching('冇电')).toEqual(['没电']);
  });
});

describe('textSimilarity', () => {
  it('is 1 for the same words however they are typed: width, punctuation, emoji, spaces', () => {
    expect(textSimilarity('停电三个小时了，还没来电！😭', '停电三个小时了 还没来电')).toBeCloseTo(1, 10);
    expect(textSimilarity('３栋停电', '3栋停电')).toBeCloseTo(1, 10);
  });

  it('is 1 for a hotline record and a chat message that differ only by place name and house style', () => {
    expect(textSimilarity('来电人反映：伏岭社区停电三个小时了，请求尽快处理。', '停电三个小时了')).toBeCloseTo(1, 10);
  });

  it('is 0 when nothing is shared, or when a text has nothing left to compare', () => {
    expect(textSimilarity('家里灯全灭了', '电梯困人')).toBe(0);
    expect(textSimilarity('😭😭！！', '停电了')).toBe(0);
    expect(textSimilarity('', '')).toBe(0);
  });

  it('is symmetric and between 0 and 1', () => {
    const a = '伏岭社区是不是又停了？屋里灯全灭了';
    const b = '家里灯全灭了';
    expect(textSimilarity(a, b)).toBeCloseTo(textSimilarity(b, a), 12);
    expect(textSimilarity(a, b)).toBeGreaterThan(0);
    expect(textSimilarity(a, b)).toBeLessThan(1);
  });

  it('lets 冇电 and 没电 meet', () => {
    expect(textSimilarity('冇电了', '没电了')).toBeCloseTo(1, 10);
  });

  it('leaves function characters out as unigrams but keeps them inside bigrams', () => {
    const grams = [...profileOf('没电了').grams.keys()];
    expect(grams).toEqual(expect.arrayContaining(['电', '没电', '电了']));
    expect(grams).not.toContain('没');
    expect(grams).not.toContain('了');
  });

  it('builds no n-gram across punctuation', () => {
    expect([...profileOf('停电了，变压器').grams.keys()]).not.toContain('了变');
  });
});

describe('similarityToGroup', () => {
  const members = ['伏岭社区又停电了', '停电了 有没有人知道什么原因 来电没有', '突然断电了 什么时候来电'].map(
    profileOf,
  );

  it('is at least the best single member’s similarity', () => {
    const report = profileOf('停电三个小时了还没来电');
    const best = Math.max(...members.map((member) => cosine(report, member)));
    expect(similarityToGroup(report, members)).toBeGreaterThanOrEqual(best);
  });

  it('measures a short report against the members taken together when that is higher', () => {
    const report = profileOf('停电三个小时了还没来电');
    expect(similarityToGroup(report, members)).toBeCloseTo(
      Math.max(...members.map((member) => cosine(report, member)), cosine(report, combinedProfile(members))),
      12,
    );
  });

  it('is 0 for a group without members', () => {
    expect(similarityToGroup(profileOf('停电'), [])).toBe(0);
  });
});
