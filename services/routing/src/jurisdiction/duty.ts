import {
  type District,
  DUTY_LEVELS,
  type DutyLevel,
  type DutyPerson,
  onDutyAt,
  parseUtcOffset,
} from '@petitions/district';
import type { Location } from './location';

/** The official on duty for a place at an instant, and the roster that says so. */
export interface DutyOfficer {
  level: DutyLevel;
  /** The code of the district, town, unit or grid whose roster named them. */
  scope: string;
  person: DutyPerson;
}

const BEIJING = '+08:00';

/** The places of a location, narrowest first: grid, unit (village level), town, district. */
function scopesOf(district: District, location: Pick<Location, 'town' | 'unit' | 'grid'>): [DutyLevel, string][] {
  const scopes: [DutyLevel, string | undefined][] = [
    ['grid', location.grid],
    ['village', location.unit],
    ['town', location.town],
    ['district', district.district.code],
  ];
  return scopes.filter((scope): scope is [DutyLevel, string] => scope[1] !== undefined);
}

/**
 * Who is on duty for the location at `at` (the petition's receipt): the roster of the narrowest place that has one
 * (the grid worker before the village's duty cadre, before the town's, before the district's). Pure: the instant
 * is given, never read from a clock.
 */
export function dutyOfficerFor(
  district: District,
  location: Pick<Location, 'town' | 'unit' | 'grid'>,
  at: Date,
  /** The narrowest level to look at (an escalation starts above the grid). */
  narrowest: DutyLevel = 'grid',
): DutyOfficer | undefined {
  const offset = parseUtcOffset(district.utcOffset ?? BEIJING) ?? 8 * 60;
  const widerOrEqual = ([level]: [DutyLevel, string]): boolean =>
    DUTY_LEVELS.indexOf(level) <= DUTY_LEVELS.indexOf(narrowest);
  for (const [level, scope] of scopesOf(district, location).filter(widerOrEqual)) {
    const roster = district.dutyRosters?.find((candidate) => candidate.level === level && candidate.scope === scope);
    const person = roster ? onDutyAt(roster, at, offset) : undefined;
    if (person) return { level, scope, person };
  }
  return undefined;
}
