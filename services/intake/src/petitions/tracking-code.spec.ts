import { newTrackingCode, parseTrackingCode } from './tracking-code';

const FORMAT = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

/** A random source that returns 0, 1, 2, … (modulo max) and records every max it was asked for. */
function countingRandom(start = 0): { random: (max: number) => number; maxes: number[] } {
  let next = start;
  const maxes: number[] = [];
  return {
    maxes,
    random: (max: number) => {
      maxes.push(max);
      return next++ % max;
    },
  };
}

function constantRandom(index: number): (max: number) => number {
  return () => index;
}

describe('newTrackingCode', () => {
  it('given indices 0 to 11, when a code is made, then the first twelve alphabet characters in three groups', () => {
    expect(newTrackingCode(countingRandom().random)).toBe('2345-6789-ABCD');
  });

  it('given a random source, when a code is made, then it draws 12 times from an alphabet of 32', () => {
    const source = countingRandom();
    newTrackingCode(source.random);
    expect(source.maxes).toEqual(Array.from({ length: 12 }, () => 32));
  });

  it('given the lowest index every time, when a code is made, then 2222-2222-2222', () => {
    expect(newTrackingCode(constantRandom(0))).toBe('2222-2222-2222');
  });

  it('given the highest index every time, when a code is made, then ZZZZ-ZZZZ-ZZZZ', () => {
    expect(newTrackingCode(constantRandom(31))).toBe('ZZZZ-ZZZZ-ZZZZ');
  });

  it('given every index, when codes are made, then the alphabet is 32 distinct characters without 0, O, 1 or I', () => {
    const characters = new Set<string>();
    for (let index = 0; index < 32; index++) {
      characters.add(newTrackingCode(constantRandom(index)).charAt(0));
    }
    expect([...characters].join('')).toBe('23456789ABCDEFGHJKLMNPQRSTUVWXYZ');
    for (const confusable of ['0', 'O', '1', 'I']) expect(characters.has(confusable)).toBe(false);
  });

  it('given indices 12 to 23 and 24 onwards (wrapping), when codes are made, then the later alphabet characters appear in order', () => {
    expect(newTrackingCode(countingRandom(12).random)).toBe('EFGH-JKLM-NPQR');
    expect(newTrackingCode(countingRandom(24).random)).toBe('STUV-WXYZ-2345');
  });

  it('given the default cryptographic source, when many codes are made, then each has the 4-4-4 format', () => {
    const codes = Array.from({ length: 200 }, () => newTrackingCode());
    for (const code of codes) {
      expect(code).toHaveLength(14);
      expect(code).toMatch(FORMAT);
    }
    expect(new Set(codes).size).toBe(200);
  });

  it('given any code, when checked against the petition.received contract pattern, then it matches', () => {
    expect(newTrackingCode(countingRandom(7).random)).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  });
});

describe('parseTrackingCode', () => {
  it('given a code as issued, then the same code', () => {
    expect(parseTrackingCode('7KQ2-M9XD-4HTA')).toBe('7KQ2-M9XD-4HTA');
  });

  it('given a code typed in lower case with spaces around it, then the canonical code', () => {
    expect(parseTrackingCode('  7kq2-m9xd-4hta ')).toBe('7KQ2-M9XD-4HTA');
  });

  it.each(['', '7KQ2M9XD4HTA', '7KQ2-M9XD-4HT', '7KQ2-M9XD-4HTA-', '0KQ2-M9XD-4HTA', '7KQ2-M9XD-4HTI', "' OR 1=1 --"])(
    'given %j, which no code can be, then null',
    (input) => {
      expect(parseTrackingCode(input)).toBeNull();
    },
  );
});
