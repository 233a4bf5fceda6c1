import type { DutyRoster, Shift } from './district';
import { coverageProblems, minuteOfWeek, onDutyAt, parseTimeOfDay, parseUtcOffset } from './duty-roster';

const CHINA = 8 * 60;
const person = (id: string): Shift['person'] => ({ id, name: id, role: '网格员' });

const roster: DutyRoster = {
  level: 'grid',
  scope: 'FULING-02',
  shifts: [
    { from: '08:00', to: '20:00', days: [1, 2, 3, 4, 5], person: person('weekday-day') },
    { from: '20:00', to: '08:00', days: [1, 2, 3, 4, 5], person: person('weekday-night') },
    { from: '08:00', to: '08:00', days: [6, 7], person: person('weekend') },
  ],
};

describe('duty roster', () => {
  it('given the times of day, when parsed, then HH:MM up to 24:00 are minutes and anything else is refused', () => {
    expect(parseTimeOfDay('00:00')).toBe(0);
    expect(parseTimeOfDay('20:05')).toBe(20 * 60 + 5);
    expect(parseTimeOfDay('24:00')).toBe(24 * 60);
    expect(parseTimeOfDay('24:01')).toBeUndefined();
    expect(parseTimeOfDay('8:00')).toBeUndefined();
    expect(parseUtcOffset('+08:00')).toBe(CHINA);
    expect(parseUtcOffset('-03:30')).toBe(-210);
    expect(parseUtcOffset('08:00')).toBeUndefined();
  });

  it('given an instant, when placed in the local week, then Monday midnight in Beijing is minute 0', () => {
    expect(minuteOfWeek(new Date('2026-07-05T16:00:00Z'), CHINA)).toBe(0); // Monday 6 July 00:00 +08:00
    expect(minuteOfWeek(new Date('2026-07-07T12:05:00Z'), CHINA)).toBe(24 * 60 + 20 * 60 + 5); // Tuesday 20:05
  });

  it('given a weekday evening (S1, 20:05), when asked who is on duty, then the night worker', () => {
    expect(onDutyAt(roster, new Date('2026-07-07T12:05:00Z'), CHINA)?.id).toBe('weekday-night');
  });

  it('given the small hours after a Friday night shift began, when asked, then still the night worker', () => {
    expect(onDutyAt(roster, new Date('2026-07-10T23:30:00Z'), CHINA)?.id).toBe('weekday-night'); // Sat 07:30
    expect(onDutyAt(roster, new Date('2026-07-11T00:00:00Z'), CHINA)?.id).toBe('weekend'); // Sat 08:00
  });

  it('given a Monday 07:59 after a weekend, when asked, then the weekend shift (it runs to Monday 08:00)', () => {
    expect(onDutyAt(roster, new Date('2026-07-12T23:59:00Z'), CHINA)?.id).toBe('weekend');
    expect(onDutyAt(roster, new Date('2026-07-13T00:00:00Z'), CHINA)?.id).toBe('weekday-day');
  });

  it('given a roster that covers the week exactly once, when checked, then no problem', () => {
    expect(coverageProblems(roster.shifts)).toEqual([]);
  });

  it('given a roster without weekends, when checked, then the gap is named', () => {
    expect(coverageProblems(roster.shifts.slice(0, 2))).toEqual(['not covered Sat 08:00–Mon 08:00']);
    expect(coverageProblems([])).toEqual(['not covered: the whole week']);
  });
});
