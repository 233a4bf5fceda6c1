import { jsonShapeProblems, MAX_PAYLOAD_ARRAY_ITEMS, MAX_PAYLOAD_DEPTH } from './json-shape';

const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const items = (count: number): string => `[${Array.from({ length: count }, () => '0').join(',')}]`;

describe('jsonShapeProblems', () => {
  it('given an ordinary payload with nested objects, arrays, escapes and every kind of value, then no problem', () => {
    const json = JSON.stringify({
      text: 'a "quoted" \\ text, with [brackets] and {braces}: 路灯',
      reporter: { name: '李四', phone: '13812345678' },
      timeline: [
        { at: '2026-01-01T00:00:00Z', n: -1.5e3 },
        { at: null, ok: true, no: false },
      ],
      empty: {},
      none: [],
    });
    expect(jsonShapeProblems(json)).toEqual([]);
  });

  it('given the same key in two different objects, then no problem (keys repeat only within one object)', () => {
    expect(jsonShapeProblems('{"a":{"name":1},"b":{"name":2},"c":[{"name":1},{"name":2}]}')).toEqual([]);
  });

  it('given a field nested exactly to the limit (the body is the first level), then no problem', () => {
    expect(jsonShapeProblems(`{"text":${nested(MAX_PAYLOAD_DEPTH - 1)}}`)).toEqual([]);
  });

  it.each([
    ['arrays', nested(10_000)],
    ['objects', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`],
  ])('given %s nested 10 000 deep, then one problem naming the payload field they lie in', (_label, deep) => {
    expect(jsonShapeProblems(`{"ok":1,"text":${deep}}`)).toEqual([
      { field: 'text', problems: [`text nests deeper than ${MAX_PAYLOAD_DEPTH} levels`] },
    ]);
  });

  it('given an array of exactly the limit, then no problem; one item more, then the array is named by its path', () => {
    expect(jsonShapeProblems(`{"a":${items(MAX_PAYLOAD_ARRAY_ITEMS)}}`)).toEqual([]);
    expect(jsonShapeProblems(`{"a":{"b":[1,${items(MAX_PAYLOAD_ARRAY_ITEMS + 1)}]}}`)).toEqual([
      { field: 'a.b[1]', problems: [`a.b[1] must not hold more than ${MAX_PAYLOAD_ARRAY_ITEMS} items`] },
    ]);
  });

  it('given arrays of strings, objects and arrays as items, then each item is counted once', () => {
    const of = (item: string): string =>
      `{"a":[${Array.from({ length: MAX_PAYLOAD_ARRAY_ITEMS + 1 }, () => item).join(',')}]}`;
    for (const item of ['"x,y"', '{"k":[1,2]}', '[1,[2]]', 'true', 'null', '-0.5e-3']) {
      expect({ item, problems: jsonShapeProblems(of(item)).map((entry) => entry.field) }).toEqual({
        item,
        problems: ['a'],
      });
    }
  });

  it('given a key twice in one object, also written with escapes, then it is named by its path', () => {
    expect(jsonShapeProblems('{"text":"a","reporter":{"name":"x","n\\u0061me":"y"},"text":"b"}')).toEqual([
      { field: 'reporter.name', problems: ['property name must not appear more than once'] },
      { field: 'text', problems: ['property text must not appear more than once'] },
    ]);
  });

  it.each(['__proto__', '\\u005f_proto__', 'constructor'])(
    'given the key %s anywhere, then it is named by its path',
    (key) => {
      const decoded = JSON.parse(`"${key}"`) as string;
      expect(jsonShapeProblems(`{"${key}":{"x":1},"list":[{"${key}":1}]}`)).toEqual([
        { field: decoded, problems: [`property ${decoded} should not exist`] },
        { field: `list[0].${decoded}`, problems: [`property ${decoded} should not exist`] },
      ]);
    },
  );

  it('given a body of nothing but problems, then at most 20 are listed', () => {
    const json = `{"list":[${Array.from({ length: 500 }, () => '{"constructor":1}').join(',')}]}`;
    expect(jsonShapeProblems(json)).toHaveLength(20);
  });
});
