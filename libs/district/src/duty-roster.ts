import type { DutyPerson, DutyRoster, Shift } from './district';

const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7] as const;

/** Minutes after midnight of a local time `HH:MM` (00:00 … 24:00), or undefined when it is not one. */
export function parseTimeOfDay(text: string): number | undefined {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= MINUTES_PER_DAY ? minutes : undefined;
}

/** Minutes east of UTC of an offset `+HH:MM` / `-HH:MM`, or undefined when it is not one. */
export function parseUtcOffset(text: string): number | undefined {
  const match = /^([+-])(0\d|1[0-4]):([0-5]\d)$/.exec(text);
  if (!match) return undefined;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** The minute of the local week (Monday 00:00 is 0) at an instant. */
export function minuteOfWeek(instant: Date, utcOffsetMinutes: number): number {
  const local = new Date(instant.getTime() + utcOffsetMinutes * 60_000);
  const isoDayIndex = (local.getUTCDay() + 6) % 7;
  return isoDayIndex * MINUTES_PER_DAY + local.getUTCHours() * 60 + local.getUTCMinutes();
}

/** The minutes of the week a shift covers, as [start, length) runs; a shift past midnight runs into the next day. */
function runsOf(shift: Shift): { start: number; length: number }[] {
  const from = parseTimeOfDay(shift.from) ?? 0;
  const to = parseTimeOfDay(shift.to) ?? 0;
  // Equal times are a whole day (00:00–24:00 and 08:00–08:00 alike).
  const length = to > from ? to - from : MINUTES_PER_DAY - from + to;
  return (shift.days ?? EVERY_DAY).map((day) => ({ start: (day - 1) * MINUTES_PER_DAY + from, length }));
}

function covers(run: { start: number; length: number }, minute: number): boolean {
  return (minute - run.start + MINUTES_PER_WEEK) % MINUTES_PER_WEEK < run.length;
}

/** Who is on duty on this roster at the instant; undefined only for a roster that leaves the minute uncovered. */
export function onDutyAt(roster: DutyRoster, instant: Date, utcOffsetMinutes: number): DutyPerson | undefined {
  const minute = minuteOfWeek(instant, utcOffsetMinutes);
  return roster.shifts.find((shift) => runsOf(shift).some((run) => covers(run, minute)))?.person;
}

function describeMinute(minute: number): string {
  const day = WEEKDAYS[Math.floor(minute / MINUTES_PER_DAY)] ?? '?';
  const inDay = minute % MINUTES_PER_DAY;
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${day} ${pad(Math.floor(inDay / 60))}:${pad(inDay % 60)}`;
}

/**
 * Where a roster's shifts (already known to be well-formed) fail to cover the week exactly once: the first few
 * gaps and overlaps, e.g. `not covered Mon 20:00–Mon 21:00`, `covered twice Tue 07:00–Tue 08:00`.
 */
export function coverageProblems(shifts: readonly Shift[], limit = 4): string[] {
  const counts = new Uint8Array(MINUTES_PER_WEEK);
  for (const shift of shifts) {
    for (const run of runsOf(shift)) {
      for (let offset = 0; offset < run.length; offset += 1) {
        const minute = (run.start + offset) % MINUTES_PER_WEEK;
        counts[minute] = Math.min(2, (counts[minute] ?? 0) + 1);
      }
    }
  }
  const at = (minute: number): number => counts[minute % MINUTES_PER_WEEK] ?? 0;
  // Scan from a change of count, so that a gap across Sunday midnight is reported as one.
  const first = counts.findIndex((count, minute) => count !== at(minute + MINUTES_PER_WEEK - 1));
  if (first < 0) return at(0) === 1 ? [] : [`${at(0) === 0 ? 'not covered' : 'covered twice'}: the whole week`];
  const problems: string[] = [];
  let start = first;
  for (let minute = first + 1; minute <= first + MINUTES_PER_WEEK; minute += 1) {
    if (minute < first + MINUTES_PER_WEEK && at(minute) === at(start)) continue;
    if (at(start) !== 1) {
      const what = at(start) === 0 ? 'not covered' : 'covered twice';
      problems.push(`${what} ${describeMinute(start % MINUTES_PER_WEEK)}–${describeMinute(minute % MINUTES_PER_WEEK)}`);
    }
    start = minute;
  }
  return problems.slice(0, limit);
}
