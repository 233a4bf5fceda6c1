import holidayData from './holidays.json';

/** How a policy counts time: every day, or working days only (weekends and public holidays off, 调休 days on). */
export type CalendarKind = 'natural-days' | 'working-days';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Beijing time, UTC+8 all year (no daylight saving): where a day starts and ends. */
const LOCAL_OFFSET_MS = holidayData.utcOffsetMinutes * 60 * 1000;

export interface HolidayYear {
  status: string;
  source: string;
  holidays: string[];
  makeUpWorkdays: string[];
}

export interface HolidaySchedule {
  years: Record<string, HolidayYear>;
}

/** Days since 1970-01-01 of the local (Beijing) date an instant falls on. */
function localDayNumber(instant: number): number {
  return Math.floor((instant + LOCAL_OFFSET_MS) / DAY_MS);
}

/** The instant the local day with this number starts (00:00 Beijing time). */
function startOfLocalDay(dayNumber: number): number {
  return dayNumber * DAY_MS - LOCAL_OFFSET_MS;
}

function isoDate(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Working days of the official holiday schedule. Outside the years the data covers it falls back to Monday–Friday
 * (a clock near the end of the data still gets a deadline; operations.md says to load each new year's notice).
 */
export class WorkingDays {
  private readonly holidays: Set<string>;
  private readonly makeUpWorkdays: Set<string>;
  private readonly years: Set<string>;

  constructor(schedule: HolidaySchedule = holidayData) {
    const years = Object.values(schedule.years);
    this.holidays = new Set(years.flatMap((year) => year.holidays));
    this.makeUpWorkdays = new Set(years.flatMap((year) => year.makeUpWorkdays));
    this.years = new Set(Object.keys(schedule.years));
  }

  covers(date: string): boolean {
    return this.years.has(date.slice(0, 4));
  }

  /** `date` is a local date, `YYYY-MM-DD`. */
  isWorkingDay(date: string): boolean {
    if (this.makeUpWorkdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  isWorkingDayNumber(dayNumber: number): boolean {
    return this.isWorkingDay(isoDate(dayNumber));
  }
}

export const OFFICIAL_WORKING_DAYS = new WorkingDays();

/**
 * Time that counts on a calendar between two instants: all of it for natural days; for working days, the part of
 * it that falls on working days (a working day counts 24 hours, a day off none).
 */
export function countedMs(kind: CalendarKind, from: Date, to: Date, days = OFFICIAL_WORKING_DAYS): number {
  const start = from.getTime();
  const end = to.getTime();
  if (end <= start) return 0;
  if (kind === 'natural-days') return end - start;
  let total = 0;
  for (let day = localDayNumber(start); startOfLocalDay(day) < end; day += 1) {
    if (!days.isWorkingDayNumber(day)) continue;
    total += Math.min(end, startOfLocalDay(day + 1)) - Math.max(start, startOfLocalDay(day));
  }
  return total;
}

/** The earliest instant at which `amountMs` of counted time has passed since `from`. */
export function advance(kind: CalendarKind, from: Date, amountMs: number, days = OFFICIAL_WORKING_DAYS): Date {
  if (kind === 'natural-days' || amountMs <= 0) return new Date(from.getTime() + Math.max(0, amountMs));
  let remaining = amountMs;
  let cursor = from.getTime();
  for (let day = localDayNumber(cursor); ; day += 1) {
    const dayEnd = startOfLocalDay(day + 1);
    if (days.isWorkingDayNumber(day)) {
      const available = dayEnd - cursor;
      if (remaining <= available) return new Date(cursor + remaining);
      remaining -= available;
    }
    cursor = dayEnd;
  }
}

/**
 * Where counting starts for a clock started at `startedAt`: at once for natural days; for working days at the start
 * of the next local day, since the day of receipt does not count (期间开始的当日不计入).
 */
export function countingStart(kind: CalendarKind, startedAt: Date): Date {
  if (kind === 'natural-days') return new Date(startedAt.getTime());
  return new Date(startOfLocalDay(localDayNumber(startedAt.getTime()) + 1));
}
