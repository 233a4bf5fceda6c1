import type { FieldProblems } from './field-problems';

/** Deeper than any payload needs (petition.reviewed: 3). class-transformer recurses per level: 10 000 overflowed it. */
export const MAX_PAYLOAD_DEPTH = 16;

/** More items than any array of a payload may hold (the largest, a review's timeline, holds at most 500). */
export const MAX_PAYLOAD_ARRAY_ITEMS = 1000;

/** Enough to say what is wrong; a body made of nothing but problems is not echoed back in full. */
const MAX_SHAPE_PROBLEMS = 20;

/**
 * Keys class-transformer drops without a word (its prototype-pollution guard): they would pass the whitelist
 * unseen, so they are refused here by name instead.
 */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor']);

interface Container {
  readonly isObject: boolean;
  readonly path: string;
  /** The payload's own field this container lies in ('' for the payload itself). */
  readonly field: string;
  readonly keys: Set<string>;
  /** The key whose value comes next, or the last one read. */
  key: string;
  expectsKey: boolean;
  items: number;
}

function childPath(parent: Container): string {
  if (!parent.isObject) return `${parent.path}[${parent.items - 1}]`;
  return parent.path ? `${parent.path}.${parent.key}` : parent.key;
}

const STRUCTURAL = new Set(['{', '}', '[', ']', ',', ':', '"', ' ', '\t', '\n', '\r']);

/** Problems of one JSON text, field by field, in the order found. */
class ShapeReport {
  private readonly byField = new Map<string, string[]>();
  private count = 0;

  add(field: string, problem: string): void {
    const problems = this.byField.get(field) ?? [];
    if (problems.includes(problem)) return;
    this.byField.set(field, [...problems, problem]);
    this.count += 1;
  }

  get full(): boolean {
    return this.count >= MAX_SHAPE_PROBLEMS;
  }

  list(): FieldProblems[] {
    return [...this.byField].map(([field, problems]) => ({ field, problems }));
  }
}

/**
 * What is wrong with the shape of a payload's JSON text (a JSON object that parsed), before any class sees it:
 * nesting deeper than MAX_PAYLOAD_DEPTH (named by the payload's field it lies in), an array of more than
 * MAX_PAYLOAD_ARRAY_ITEMS items, a key given twice in one object (JSON.parse would keep the last one silently, where
 * another reader may keep the first), and `__proto__` or `constructor` as a key. One pass over the text, without
 * recursion, so no input can overflow the stack; at most 20 problems.
 */
export function jsonShapeProblems(json: string): FieldProblems[] {
  const report = new ShapeReport();
  const stack: Container[] = [];
  const valueStarts = (): void => {
    const parent = stack.at(-1);
    if (!parent || parent.isObject) return;
    parent.items += 1;
    if (parent.items === MAX_PAYLOAD_ARRAY_ITEMS + 1) {
      report.add(parent.path, `${parent.path} must not hold more than ${MAX_PAYLOAD_ARRAY_ITEMS} items`);
    }
  };
  for (let index = 0; index < json.length && !report.full; index++) {
    const char = json[index] as string;
    switch (char) {
      case '{':
      case '[': {
        valueStarts();
        const parent = stack.at(-1);
        const path = parent ? childPath(parent) : '';
        const field = parent ? parent.field || path : '';
        if (stack.length === MAX_PAYLOAD_DEPTH)
          report.add(field, `${field} nests deeper than ${MAX_PAYLOAD_DEPTH} levels`);
        stack.push({
          isObject: char === '{',
          path,
          field,
          keys: new Set(),
          key: '',
          expectsKey: char === '{',
          items: 0,
        });
        break;
      }
      case '}':
      case ']':
        stack.pop();
        break;
      case ',': {
        const parent = stack.at(-1);
        if (parent?.isObject) parent.expectsKey = true;
        break;
      }
      case '"': {
        let end = index + 1;
        while (end < json.length && json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
        const parent = stack.at(-1);
        if (parent?.isObject && parent.expectsKey) {
          // JSON.parse of the literal: `"\u005f_proto__"` is `__proto__` too.
          const key = JSON.parse(json.slice(index, end + 1)) as string;
          parent.key = key;
          parent.expectsKey = false;
          const path = childPath(parent);
          if (parent.keys.has(key)) report.add(path, `property ${key} must not appear more than once`);
          if (FORBIDDEN_KEYS.has(key)) report.add(path, `property ${key} should not exist`);
          parent.keys.add(key);
        } else {
          valueStarts();
        }
        index = end;
        break;
      }
      case ':':
      case ' ':
      case '\t':
      case '\n':
      case '\r':
        break;
      default:
        // A number, true, false or null: one value, up to the next structural character.
        valueStarts();
        while (index + 1 < json.length && !STRUCTURAL.has(json[index + 1] as string)) index += 1;
    }
  }
  return report.list();
}
