import { DatasetError, parsePetitions } from './dataset';

const LINE = JSON.stringify({
  id: 'd-0001',
  channel: 'hotline-12345',
  text: '来电人反映：村干部扣留补偿款',
  town: 'YUEFENG',
  unit: null,
  expected_department: 'DISCIPLINE',
  co_departments: ['NATRES'],
  complexity: 'complex',
  urgent: false,
});

describe('parsePetitions', () => {
  it('given JSON lines in the dev file format, when parsed, then petitions with camel-case fields', () => {
    expect(parsePetitions(`${LINE}\n\n${LINE}\r\n`)).toEqual([
      {
        id: 'd-0001',
        text: '来电人反映：村干部扣留补偿款',
        channel: 'hotline-12345',
        town: 'YUEFENG',
        unit: undefined,
        expectedDepartment: 'DISCIPLINE',
        coDepartments: ['NATRES'],
        complexity: 'complex',
        urgent: false,
      },
      expect.objectContaining({ id: 'd-0001' }),
    ]);
  });

  it.each([
    ['not JSON', '{"id":', /line 2: not JSON/],
    ['no text', JSON.stringify({ expected_department: 'URBAN', complexity: 'general', urgent: false }), /"text"/],
    ['a bad complexity', LINE.replace('"complex"', '"hard"'), /line 2: "complexity"/],
    ['urgent as a string', LINE.replace('"urgent":false', '"urgent":"no"'), /"urgent"/],
    ['co-departments not a list', LINE.replace('["NATRES"]', '"NATRES"'), /"co_departments"/],
  ])('given a line with %s, when parsed, then DatasetError names the line', (_case, bad, message) => {
    expect(() => parsePetitions(`${LINE}\n${bad}`)).toThrow(DatasetError);
    expect(() => parsePetitions(`${LINE}\n${bad}`)).toThrow(message);
  });
});
