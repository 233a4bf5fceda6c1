import { DUTY_LEVELS, type District, type DutyLevel, type Shift } from './district';
import { coverageProblems, parseTimeOfDay, parseUtcOffset } from './duty-roster';

type Plain = Record<string, unknown>;

const CODE = /^[A-Z][A-Z0-9_]*$/;
const GRID_CODE = /^[A-Z][A-Z0-9_-]*$/;
const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const VERSION = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const UNIT_KINDS = ['village', 'community', 'park'];
const TOP_LEVEL = new Set([
  'about',
  'version',
  'utcOffset',
  'district',
  'towns',
  'channels',
  'departments',
  'categories',
  'categoryAliases',
  'placeAliases',
  'chatGroups',
  'dutyRosters',
  'sla',
]);

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Collects every problem of a district file with the path where it is (`towns[1].units[0].grids[2]: …`), so that an
 * operator can fix a rejected file in one go.
 */
class Problems {
  readonly list: string[] = [];

  add(path: string, problem: string): void {
    this.list.push(`${path}: ${problem}`);
  }

  object(value: unknown, path: string): Plain | undefined {
    if (isPlain(value)) return value;
    this.add(path, 'must be an object');
    return undefined;
  }

  array(value: unknown, path: string, { nonEmpty = false } = {}): unknown[] {
    if (!Array.isArray(value)) {
      this.add(path, 'must be a list');
      return [];
    }
    if (nonEmpty && value.length === 0) this.add(path, 'must not be empty');
    return value;
  }

  text(value: unknown, path: string, pattern?: RegExp): string | undefined {
    if (typeof value !== 'string' || value.trim() === '') {
      this.add(path, 'must be a non-empty string');
      return undefined;
    }
    if (pattern && !pattern.test(value)) {
      this.add(path, `"${value}" does not match ${String(pattern)}`);
      return undefined;
    }
    return value;
  }

  oneOf(value: unknown, path: string, allowed: readonly string[], what: string): string | undefined {
    if (typeof value === 'string' && allowed.includes(value)) return value;
    this.add(path, `unknown ${what} ${JSON.stringify(value)}`);
    return undefined;
  }

  /** Each code once: reports the second and later occurrences. */
  unique(codes: readonly (string | undefined)[], path: (index: number) => string, what: string): void {
    const seen = new Set<string>();
    codes.forEach((code, index) => {
      if (code === undefined) return;
      if (seen.has(code)) this.add(path(index), `duplicate ${what} "${code}"`);
      seen.add(code);
    });
  }
}

interface Known {
  district?: string;
  towns: string[];
  units: string[];
  grids: string[];
  channels: string[];
  departments: string[];
  categories: string[];
}

function checkTowns(p: Problems, value: unknown, known: Known): void {
  const towns = p.array(value, 'towns', { nonEmpty: true });
  const unitCodes: (string | undefined)[] = [];
  const gridCodes: (string | undefined)[] = [];
  towns.forEach((raw, t) => {
    const town = p.object(raw, `towns[${t}]`);
    if (!town) return;
    known.towns.push(p.text(town.code, `towns[${t}].code`, CODE) ?? '');
    p.text(town.name, `towns[${t}].name`);
    p.array(town.units, `towns[${t}].units`, { nonEmpty: true }).forEach((rawUnit, u) => {
      const at = `towns[${t}].units[${u}]`;
      const unit = p.object(rawUnit, at);
      if (!unit) return;
      unitCodes.push(p.text(unit.code, `${at}.code`, CODE));
      p.text(unit.name, `${at}.name`);
      p.oneOf(unit.kind, `${at}.kind`, UNIT_KINDS, 'unit kind');
      p.array(unit.grids, `${at}.grids`).forEach((grid, g) =>
        gridCodes.push(p.text(grid, `${at}.grids[${g}]`, GRID_CODE)),
      );
    });
  });
  p.unique(known.towns, (index) => `towns[${index}].code`, 'town code');
  p.unique(unitCodes, () => 'towns[].units[].code', 'unit code');
  p.unique(gridCodes, () => 'towns[].units[].grids[]', 'grid code');
  known.units.push(...unitCodes.filter((code): code is string => code !== undefined));
  known.grids.push(...gridCodes.filter((code): code is string => code !== undefined));
}

/** A list of objects with a unique code and some required text fields; returns the codes. */
function checkCatalogue(
  p: Problems,
  value: unknown,
  path: string,
  fields: readonly string[],
  pattern: RegExp,
): string[] {
  const codes = p.array(value, path, { nonEmpty: true }).map((raw, index) => {
    const entry = p.object(raw, `${path}[${index}]`);
    if (!entry) return undefined;
    for (const field of fields) p.text(entry[field], `${path}[${index}].${field}`);
    return p.text(entry.code, `${path}[${index}].code`, pattern);
  });
  p.unique(codes, (index) => `${path}[${index}].code`, `${path} code`);
  return codes.filter((code): code is string => code !== undefined);
}

function checkCategories(p: Problems, district: Plain, known: Known): void {
  known.categories.push(
    ...checkCatalogue(p, district.categories, 'categories', ['name', 'description', 'group'], SLUG),
  );
  p.array(district.categories, 'categories').forEach((raw, index) => {
    if (!isPlain(raw)) return;
    const at = `categories[${index}]`;
    p.oneOf(raw.department, `${at}.department`, known.departments, 'department');
    p.oneOf(raw.complexity, `${at}.complexity`, ['general', 'complex'], 'complexity');
    if (typeof raw.urgent !== 'boolean') p.add(`${at}.urgent`, 'must be true or false');
  });
  if (district.categoryAliases === undefined) return;
  const aliases = p.object(district.categoryAliases, 'categoryAliases') ?? {};
  for (const [alias, category] of Object.entries(aliases)) {
    p.oneOf(category, `categoryAliases.${alias}`, known.categories, 'category');
  }
}

function checkSla(p: Problems, value: unknown): void {
  const sla = p.object(value, 'sla');
  if (!sla) return;
  for (const kind of ['general', 'complex']) {
    const days = p.object(sla[kind], `sla.${kind}`)?.resolveWithinDays;
    if (!Number.isInteger(days) || (days as number) < 1 || (days as number) > 365) {
      p.add(`sla.${kind}.resolveWithinDays`, 'must be a whole number of days, 1–365');
    }
  }
}

function checkPlaces(p: Problems, district: Plain, known: Known): void {
  if (district.placeAliases !== undefined) {
    p.array(district.placeAliases, 'placeAliases').forEach((raw, index) => {
      const at = `placeAliases[${index}]`;
      const alias = p.object(raw, at);
      if (!alias) return;
      p.text(alias.name, `${at}.name`);
      if ((alias.town === undefined) === (alias.unit === undefined)) p.add(at, 'must name exactly one town or unit');
      if (alias.town !== undefined) p.oneOf(alias.town, `${at}.town`, known.towns, 'town');
      if (alias.unit !== undefined) p.oneOf(alias.unit, `${at}.unit`, known.units, 'unit');
    });
  }
  if (district.chatGroups === undefined) return;
  const codes = p.array(district.chatGroups, 'chatGroups').map((raw, index) => {
    const at = `chatGroups[${index}]`;
    const group = p.object(raw, at);
    if (!group) return undefined;
    p.text(group.name, `${at}.name`);
    p.oneOf(group.channel, `${at}.channel`, known.channels, 'channel');
    p.oneOf(group.grid, `${at}.grid`, known.grids, 'grid');
    return p.text(group.code, `${at}.code`);
  });
  p.unique(codes, (index) => `chatGroups[${index}].code`, 'chat group code');
}

function scopesOf(level: DutyLevel, known: Known): string[] {
  switch (level) {
    case 'district':
      return known.district ? [known.district] : [];
    case 'town':
      return known.towns;
    case 'village':
      return known.units;
    case 'grid':
      return known.grids;
  }
}

function checkShift(p: Problems, raw: unknown, at: string, known: Known): boolean {
  const shift = p.object(raw, at);
  if (!shift) return false;
  const before = p.list.length;
  for (const field of ['from', 'to'] as const) {
    if (typeof shift[field] !== 'string' || parseTimeOfDay(shift[field]) === undefined) {
      p.add(`${at}.${field}`, 'must be a local time HH:MM (00:00–24:00)');
    }
  }
  if (shift.days !== undefined) {
    const days = p.array(shift.days, `${at}.days`, { nonEmpty: true });
    if (days.some((day) => !Number.isInteger(day) || (day as number) < 1 || (day as number) > 7)) {
      p.add(`${at}.days`, 'must list ISO weekdays 1 (Monday) to 7 (Sunday)');
    }
    p.unique(days.map(String), () => `${at}.days`, 'weekday');
  }
  const person = p.object(shift.person, `${at}.person`);
  if (person) {
    for (const field of ['id', 'name', 'role']) p.text(person[field], `${at}.person.${field}`);
    if (person.channel !== undefined) p.oneOf(person.channel, `${at}.person.channel`, known.channels, 'channel');
    if (person.handle !== undefined) p.text(person.handle, `${at}.person.handle`);
  }
  return p.list.length === before;
}

function checkRosters(p: Problems, value: unknown, known: Known): void {
  if (value === undefined) return;
  const keys = p.array(value, 'dutyRosters').map((raw, index) => {
    const at = `dutyRosters[${index}]`;
    const roster = p.object(raw, at);
    if (!roster) return undefined;
    const level = p.oneOf(roster.level, `${at}.level`, DUTY_LEVELS, 'duty level') as DutyLevel | undefined;
    if (level) p.oneOf(roster.scope, `${at}.scope`, scopesOf(level, known), `${level} scope`);
    const shifts = p.array(roster.shifts, `${at}.shifts`, { nonEmpty: true });
    const wellFormed = shifts.map((shift, s) => checkShift(p, shift, `${at}.shifts[${s}]`, known)).every(Boolean);
    if (wellFormed && shifts.length > 0) {
      for (const problem of coverageProblems(shifts as Shift[])) p.add(`${at}.shifts`, problem);
    }
    return `${String(roster.level)} ${String(roster.scope)}`;
  });
  p.unique(keys, (index) => `dutyRosters[${index}]`, 'roster for');
}

/**
 * Every problem of a district file (an empty list when it is good): shapes, unique codes, references between its
 * parts (a unit's grids, a category's department, a chat group's grid, a roster's place) and rosters that cover
 * each minute of the week exactly once.
 */
export function districtProblems(value: unknown): string[] {
  const p = new Problems();
  const district = p.object(value, '(file)');
  if (!district) return p.list;
  for (const key of Object.keys(district)) if (!TOP_LEVEL.has(key)) p.add(key, 'unknown field');
  p.text(district.version, 'version', VERSION);
  if (
    district.utcOffset !== undefined &&
    (typeof district.utcOffset !== 'string' || parseUtcOffset(district.utcOffset) === undefined)
  ) {
    p.add('utcOffset', 'must be an offset such as +08:00');
  }
  const known: Known = { towns: [], units: [], grids: [], channels: [], departments: [], categories: [] };
  const header = p.object(district.district, 'district');
  if (header) {
    known.district = p.text(header.code, 'district.code', CODE);
    p.text(header.name, 'district.name');
  }
  checkTowns(p, district.towns, known);
  known.channels.push(...checkCatalogue(p, district.channels, 'channels', ['name', 'kind', 'audience'], SLUG));
  known.departments.push(...checkCatalogue(p, district.departments, 'departments', ['name', 'kind', 'handles'], CODE));
  checkCategories(p, district, known);
  checkSla(p, district.sla);
  checkPlaces(p, district, known);
  checkRosters(p, district.dutyRosters, known);
  return p.list;
}

export type DistrictCheck =
  { readonly ok: true; readonly district: District } | { readonly ok: false; readonly problems: readonly string[] };

/** Checks a parsed district file; on success the value is a District. */
export function checkDistrict(value: unknown): DistrictCheck {
  const problems = districtProblems(value);
  return problems.length === 0 ? { ok: true, district: value as District } : { ok: false, problems };
}
