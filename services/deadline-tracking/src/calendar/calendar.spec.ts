import holidayData from './holidays.json';
import { advance, countedMs, countingStart, DAY_MS, OFFICIAL_WORKING_DAYS } from './calendar';

/**
 * The oracle: the rule as a clerk would apply it with a paper calendar, written independently of calendar.ts.
 * Working days: skip the day of receipt, count N days that are make-up working days or Monday–Friday and not
 * holidays; the deadline is midnight (Beijing) at the end of the N-th. Natural days: N × 24 hours.
 */
function oracleWorkingDeadline(start: Date, days: number): Date {
  const holidays = new Set<string>(Object.values(holidayData.years).flatMap((year) => year.holidays));
  const makeUp = new Set<string>(Object.values(holidayData.years).flatMap((year) => year.makeUpWorkdays));
  const beijing = new Date(start.getTime() + 8 * 3600 * 1000);
  let y = beijing.getUTCFullYear();
  let m = beijing.getUTCMonth();
  let d = beijing.getUTCDate();
  const nextDay = (): void => {
    const date = new Date(Date.UTC(y, m, d + 1));
    y = date.getUTCFullYear();
    m = date.getUTCMonth();
    d = date.getUTCDate();
  };
  let counted = 0;
  while (counted < days) {
    nextDay();
    const key = `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const weekday = new Date(Date.UTC(y, m, d)).getUTCDay();
    if (makeUp.has(key) || (!holidays.has(key) && weekday !== 0 && weekday !== 6)) counted += 1;
  }
  nextDay();
  return new Date(Date.UTC(y, m, d) - 8 * 3600 * 1000);
}

function workingDeadline(start: Date, days: number): Date {
  return advance('working-days', countingStart('working-days', start), days * DAY_MS);
}

/** Every start date from 2026-03-01 to 2028-03-01 (two years, 2028-02-29 included), at a few times of day. */
function startDates(): Date[] {
  const dates: Date[] = [];
  for (let t = Date.UTC(2026, 2, 1); t <= Date.UTC(2028, 2, 1); t += DAY_MS) {
    for (const hourUtc of [0, 9, 15.999]) dates.push(new Date(t + hourUtc * 3600 * 1000));
  }
  return dates;
}

describe('working-day deadlines', () => {
  it.each([1, 3, 5, 7, 15])(
    'match the oracle for every start date over two years, leap day included (%d days)',
    (n) => {
      const starts = startDates();
      expect(starts.some((start) => start.toISOString().startsWith('2028-02-29'))).toBe(true);
      const mismatches = starts
        .map((start) => ({ start, ours: workingDeadline(start, n), oracle: oracleWorkingDeadline(start, n) }))
        .filter(({ ours, oracle }) => ours.getTime() !== oracle.getTime())
        .map(({ start, ours, oracle }) => `${start.toISOString()}: ${ours.toISOString()} ≠ ${oracle.toISOString()}`);
      expect(mismatches).toEqual([]);
    },
  );

  it('given a petition received on the eve of the 2026 Spring Festival, then 5 working days end after the break', () => {
    // Received Fri 2026-02-13 10:00 Beijing; Sat 14th is a make-up working day (1), 15th–23rd off, 24th–27th (2–5).
    const start = new Date('2026-02-13T02:00:00.000Z');
    expect(workingDeadline(start, 5).toISOString()).toBe('2026-02-27T16:00:00.000Z');
  });

  it('given the 2026 National Day make-up Saturday 10-10, then it counts as a working day', () => {
    expect(OFFICIAL_WORKING_DAYS.isWorkingDay('2026-10-10')).toBe(true);
    expect(OFFICIAL_WORKING_DAYS.isWorkingDay('2026-10-07')).toBe(false);
    expect(OFFICIAL_WORKING_DAYS.isWorkingDay('2026-10-11')).toBe(false);
  });

  it('given half of a working day on a Friday, then the count resumes on Monday', () => {
    const friday = new Date('2026-03-06T04:00:00.000Z'); // Fri 12:00 Beijing
    expect(advance('working-days', friday, 18 * 3600 * 1000).toISOString()).toBe('2026-03-08T22:00:00.000Z'); // Mon 06:00
    expect(countedMs('working-days', friday, new Date('2026-03-08T22:00:00.000Z'))).toBe(18 * 3600 * 1000);
  });
});

describe('natural-day deadlines', () => {
  it('count every day, leap day included, to the millisecond', () => {
    for (const start of startDates()) {
      const due = advance('natural-days', countingStart('natural-days', start), 5 * DAY_MS);
      expect(due.getTime() - start.getTime()).toBe(5 * DAY_MS);
      expect(countedMs('natural-days', start, due)).toBe(5 * DAY_MS);
    }
    expect(advance('natural-days', new Date('2028-02-28T08:00:00.000Z'), DAY_MS).toISOString()).toBe(
      '2028-02-29T08:00:00.000Z',
    );
  });
});
