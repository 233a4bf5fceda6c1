import districtData from './district.json';

export interface Unit {
  code: string;
  name: string;
  kind: string;
  grids: string[];
}
export interface Town {
  code: string;
  name: string;
  units: Unit[];
}
export interface Channel {
  code: string;
  name: string;
  kind: string;
  audience: string;
}
export interface Department {
  code: string;
  name: string;
  kind: string;
  handles: string;
}
/**
 * A kind of problem residents report (the catalogue behind Open311's service list and a channel-provided category):
 * the department that handles it by default, whether it is complex (15-day ladder) and whether it is urgent.
 */
export interface Category {
  code: string;
  name: string;
  description: string;
  department: string;
  complexity: 'general' | 'complex';
  urgent: boolean;
  /** A grouping for menus (Open311 `group`). */
  group: string;
}
/** A chat group (群) of a channel, bound to the grid it serves: a message from the group is about that grid. */
export interface ChatGroup {
  code: string;
  name: string;
  channel: string;
  grid: string;
}
/** Another name residents use for a unit or a town in their messages ("和城国际" for 和城国际小区). */
export interface PlaceAlias {
  name: string;
  town?: string;
  unit?: string;
}
/** The levels of the duty roster (值班), from the widest to the narrowest; `village` is any unit (村, 社区, 园区). */
export const DUTY_LEVELS = ['district', 'town', 'village', 'grid'] as const;
export type DutyLevel = (typeof DUTY_LEVELS)[number];
/** An official on a duty roster, acting in office: how they are reached when an urgent petition comes in. */
export interface DutyPerson {
  id: string;
  name: string;
  role: string;
  /** The channel and the handle on it through which notifications reach them. */
  channel?: string;
  handle?: string;
}
/**
 * One shift of a rota: local times `HH:MM` (`to` may be `24:00`; a `to` before `from` runs past midnight), on the
 * ISO weekdays it starts on (1 = Monday … 7 = Sunday; every day when absent).
 */
export interface Shift {
  from: string;
  to: string;
  days?: number[];
  person: DutyPerson;
}
/** A 24-hour rota for one place of one level: its shifts cover every minute of the week exactly once. */
export interface DutyRoster {
  level: DutyLevel;
  /** The district's code, a town's, a unit's or a grid's, as the level says. */
  scope: string;
  shifts: Shift[];
}
export interface District {
  district: { code: string; name: string };
  towns: Town[];
  channels: Channel[];
  departments: Department[];
  categories: Category[];
  sla: { general: { resolveWithinDays: number }; complex: { resolveWithinDays: number } };
  /** The file's version, changed whenever its content is (recorded in every assignment made under it). */
  version?: string;
  /** The district's offset from UTC (`+08:00`): the duty roster's times are local. */
  utcOffset?: string;
  placeAliases?: PlaceAlias[];
  chatGroups?: ChatGroup[];
  dutyRosters?: DutyRoster[];
  /** Routing's classifier categories (lexicon codes) that are called otherwise in this catalogue. */
  categoryAliases?: Record<string, string>;
}

/** The demo district (涪口区) from the source articles: the default jurisdiction until an operator loads another. */
export const DEMO_DISTRICT: District = districtData as District;

/**
 * Days to resolve a petition (一般性诉求 5 days; 复杂疑难问题 15 days), from the district's rules: the one place both
 * routing (a work order's resolve-by date) and deadline tracking (the clock) read them from.
 */
export function resolveWithinDays(complexity: 'general' | 'complex', district: District = DEMO_DISTRICT): number {
  return district.sla[complexity].resolveWithinDays;
}

export const CHANNEL_CODES: readonly string[] = DEMO_DISTRICT.channels.map((channel) => channel.code);
export const DEPARTMENT_CODES: readonly string[] = DEMO_DISTRICT.departments.map((department) => department.code);

export function townOfUnit(unitCode: string, district: District = DEMO_DISTRICT): Town | undefined {
  return district.towns.find((town) => town.units.some((unit) => unit.code === unitCode));
}

export function departmentNamed(code: string, district: District = DEMO_DISTRICT): Department | undefined {
  return district.departments.find((department) => department.code === code);
}

export const CATEGORY_CODES: readonly string[] = DEMO_DISTRICT.categories.map((category) => category.code);
export const TOWN_CODES: readonly string[] = DEMO_DISTRICT.towns.map((town) => town.code);
export const UNIT_CODES: readonly string[] = DEMO_DISTRICT.towns.flatMap((town) => town.units.map((unit) => unit.code));
export const GRID_CODES: readonly string[] = DEMO_DISTRICT.towns.flatMap((town) =>
  town.units.flatMap((unit) => unit.grids),
);

export function categoryNamed(code: string, district: District = DEMO_DISTRICT): Category | undefined {
  return district.categories.find((category) => category.code === code);
}

export function unitOfGrid(gridCode: string, district: District = DEMO_DISTRICT): Unit | undefined {
  return district.towns.flatMap((town) => town.units).find((unit) => unit.grids.includes(gridCode));
}

/**
 * Why the unit or the grid of a location does not fit the rest of it (a unit outside the town, a grid outside the
 * unit, or outside the town when no unit is given), or undefined when it fits. Unknown codes are not a mismatch:
 * they are the field validators' business, and reporting them twice would only confuse the caller.
 */
export function locationMismatch(
  location: { town?: string; unit?: string; grid?: string },
  part: 'unit' | 'grid',
  district: District = DEMO_DISTRICT,
): string | undefined {
  const knownTown = (code: string | undefined): boolean => !!code && district.towns.some((town) => town.code === code);
  if (part === 'unit') {
    if (!location.unit || !knownTown(location.town)) return undefined;
    const town = townOfUnit(location.unit, district);
    return town && town.code !== location.town ? `unit ${location.unit} is not in town ${location.town}` : undefined;
  }
  if (!location.grid) return undefined;
  const unit = unitOfGrid(location.grid, district);
  if (!unit) return undefined;
  if (location.unit) {
    const unitKnown = district.towns.some((town) => town.units.some((candidate) => candidate.code === location.unit));
    return unitKnown && unit.code !== location.unit
      ? `grid ${location.grid} is not in unit ${location.unit}`
      : undefined;
  }
  if (!knownTown(location.town)) return undefined;
  const town = townOfUnit(unit.code, district);
  return town && town.code !== location.town ? `grid ${location.grid} is not in town ${location.town}` : undefined;
}
