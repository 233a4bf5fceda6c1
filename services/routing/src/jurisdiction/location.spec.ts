import { DEMO_DISTRICT } from '@petitions/district';
import { locate } from './location';

describe('locate', () => {
  it('given a grid from the channel, when located, then its unit and town follow from the district', () => {
    expect(locate(DEMO_DISTRICT, { text: '停电了', grid: 'FULING-02' })).toEqual({
      town: 'FUKOU_TOWN',
      unit: 'FULING',
      grid: 'FULING-02',
      source: 'channel',
    });
  });

  it('given a unit from the channel and another place in the text, when located, then the channel wins', () => {
    // S1: the 伏岭社区 group writes about 杨家山.
    expect(locate(DEMO_DISTRICT, { text: '杨家山停电了，变压器着火了在冒烟', unit: 'FULING' })).toEqual({
      town: 'FUKOU_TOWN',
      unit: 'FULING',
      source: 'channel',
    });
  });

  it('given a chat group and no codes, when located, then the group’s grid', () => {
    expect(locate(DEMO_DISTRICT, { text: '又停电了', chatGroup: 'wx-tianjiawan-01' })).toEqual({
      town: 'YUEFENG',
      unit: 'TIANJIAWAN',
      grid: 'TIANJIAWAN-01',
      source: 'chat-group',
    });
  });

  it.each([
    ['来电人反映：岳峰镇田家湾村持续干旱已四十余天', 'YUEFENG', 'TIANJIAWAN', '田家湾村'],
    ['田家湾这边塘里都没水了', 'YUEFENG', 'TIANJIAWAN', '田家湾'],
    ['南江北路下水道堵塞污水外流', 'FUKOU_TOWN', 'NANJIANG', '南江北路'],
    ['和城国际2期从昨天到现在停了三回', 'FUKOU_TOWN', 'HECHENG', '和城国际'],
  ])('given the text "%s", when located, then the unit it names', (text, town, unit, placeName) => {
    expect(locate(DEMO_DISTRICT, { text })).toEqual({ town, unit, source: 'text', placeName });
  });

  it('given only a town named in the text, when located, then the town without a unit', () => {
    expect(locate(DEMO_DISTRICT, { text: '龙船镇的路坏了很久' })).toEqual({
      town: 'LONGCHUAN',
      source: 'text',
      placeName: '龙船镇',
    });
  });

  it('given the district’s own name, when located, then it is not taken for the town 涪口镇', () => {
    expect(locate(DEMO_DISTRICT, { text: '涪口区政府门口的路灯坏了' })).toEqual({ source: 'unknown' });
  });

  it('given a town from the channel, when the text names a unit of another town, then only the town is kept', () => {
    expect(locate(DEMO_DISTRICT, { text: '田家湾村的事', town: 'LONGCHUAN' })).toEqual({
      town: 'LONGCHUAN',
      source: 'channel',
    });
  });

  it('given a town from the channel and a unit of it in the text, when located, then the unit too', () => {
    expect(locate(DEMO_DISTRICT, { text: '石龙村的桥塌了', town: 'LONGCHUAN' })).toEqual({
      town: 'LONGCHUAN',
      unit: 'SHILONG',
      source: 'text',
      placeName: '石龙村',
    });
  });
});
