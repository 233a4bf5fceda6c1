import { placesConflict, placesIn, sharePlace } from './places';

describe('placesIn', () => {
  it.each([
    ['南江北路那个下水道又堵了', ['南江北路']],
    ['建设路菜场后面的下水道也堵了', ['建设路']],
    ['南江北路１２８号后面那个电表箱', ['南江北路']],
    ['人民大道和建设路交叉口积水', ['人民大道', '建设路']],
    ['涪口镇老街一带有人偷倒建筑垃圾', ['镇老街']],
  ])('finds the roads %s names', (text, expected) => {
    expect([...placesIn(text)].sort()).toEqual([...expected].sort());
  });

  it.each([
    '我们这条路上的那个路灯杆子歪了',
    '污水漫得一马路都是 走路都要踮脚',
    '伏岭社区门口那排路灯坏了',
    '家桥村二组路口那个变压器嗡嗡响',
    '伏岭社区又停电了',
  ])('finds no road in %s', (text) => {
    expect([...placesIn(text)]).toEqual([]);
  });

  it('reads the free-text address as well as the text', () => {
    expect([...placesIn('下水道堵了', '建设路12号对面')]).toEqual(['建设路']);
    expect([...placesIn('下水道堵了', null, undefined)]).toEqual([]);
  });
});

describe('placesConflict', () => {
  const at = (...names: string[]): Set<string> => new Set(names);

  it('is true only when both name roads and none is the same', () => {
    expect(placesConflict(at('南江北路'), at('建设路'))).toBe(true);
    expect(placesConflict(at('南江北路'), at('南江北路', '建设路'))).toBe(false);
    expect(placesConflict(at('南江北路'), at())).toBe(false);
    expect(placesConflict(at(), at())).toBe(false);
  });

  it('takes a name written short for the same road', () => {
    expect(sharePlace(at('江北路'), at('南江北路'))).toBe(true);
    expect(placesConflict(at('江北路'), at('南江北路'))).toBe(false);
  });
});
