import type { District, Town, Unit } from '@petitions/district';

/** Where a petition is, as the district's codes, and how routing knows it. */
export interface Location {
  town?: string;
  unit?: string;
  grid?: string;
  /** `channel`: the channel's codes; `chat-group`: the group's grid; `text`: a place named in the text. */
  source: 'channel' | 'chat-group' | 'text' | 'unknown';
  /** The place name the text gave, when the text decided. */
  placeName?: string;
}

export interface LocationHints {
  text: string;
  town?: string;
  unit?: string;
  grid?: string;
  /** The chat group the message came from (its code in the district file), when the channel says. */
  chatGroup?: string;
}

/** Suffixes residents leave out: 伏岭社区 → 伏岭, 田家湾村 → 田家湾, 岳峰镇 → 岳峰. Longest first. */
const SUFFIXES = ['工业园区', '工业园', '片区', '社区', '小区', '园区', '村', '镇', '街道'];

interface PlaceName {
  name: string;
  town: Town;
  unit?: Unit;
}

function shortName(name: string, districtName: string): string | undefined {
  const suffix = SUFFIXES.find((candidate) => name.endsWith(candidate));
  const short = suffix ? name.slice(0, -suffix.length) : undefined;
  // 涪口镇 → 涪口 would also match the district's own name (涪口区): keep the full name there.
  return short && short.length >= 2 && !districtName.startsWith(short) ? short : undefined;
}

function placeNamesOf(district: District): PlaceName[] {
  const names: PlaceName[] = [];
  const add = (name: string | undefined, town: Town, unit?: Unit): void => {
    if (name) names.push({ name, town, ...(unit ? { unit } : {}) });
  };
  for (const town of district.towns) {
    add(town.name, town);
    add(shortName(town.name, district.district.name), town);
    for (const unit of town.units) {
      add(unit.name, town, unit);
      add(shortName(unit.name, district.district.name), town, unit);
    }
  }
  for (const alias of district.placeAliases ?? []) {
    const town = district.towns.find(
      (candidate) => candidate.code === alias.town || candidate.units.some((unit) => unit.code === alias.unit),
    );
    if (town)
      add(
        alias.name,
        town,
        town.units.find((unit) => unit.code === alias.unit),
      );
  }
  // Longest first, so that 南江北路片区 wins over 南江北路 and a unit's name over its town's inside it.
  return names.sort((a, b) => b.name.length - a.name.length);
}

/** The places the text names, each once, most specific first (units before towns). */
function placesInText(text: string, district: District): PlaceName[] {
  const found: PlaceName[] = [];
  for (const place of placeNamesOf(district)) {
    if (!text.includes(place.name)) continue;
    if (found.some((other) => other.town === place.town && other.unit === place.unit)) continue;
    found.push(place);
  }
  return found.sort((a, b) => Number(!!b.unit) - Number(!!a.unit));
}

function fromCodes(district: District, hints: LocationHints): Omit<Location, 'source'> {
  const towns = district.towns;
  const unitOfGrid = hints.grid
    ? towns.flatMap((town) => town.units).find((unit) => unit.grids.includes(hints.grid ?? ''))
    : undefined;
  const unitCode = unitOfGrid?.code ?? hints.unit;
  const town = unitCode
    ? towns.find((candidate) => candidate.units.some((unit) => unit.code === unitCode))
    : towns.find((candidate) => candidate.code === hints.town);
  return {
    ...(town ? { town: town.code } : {}),
    ...(unitCode && town ? { unit: unitCode } : {}),
    ...(unitOfGrid ? { grid: hints.grid } : {}),
  };
}

/**
 * The unit and grid of a petition (属地): from the channel's codes (a grid gives its unit and town, a unit its town),
 * else from the chat group's grid, else from a place the text names (a unit, or a town; within the channel's town
 * when it gave one). Pure.
 */
export function locate(district: District, hints: LocationHints): Location {
  const coded = fromCodes(district, hints);
  if (coded.unit) return { ...coded, source: 'channel' };
  const group = district.chatGroups?.find((candidate) => candidate.code === hints.chatGroup);
  if (group) {
    const grouped = fromCodes(district, { text: hints.text, grid: group.grid });
    if (grouped.unit) return { ...grouped, source: 'chat-group' };
  }
  const named = placesInText(hints.text, district).find((place) => !coded.town || place.town.code === coded.town);
  if (named) {
    return {
      town: named.town.code,
      ...(named.unit ? { unit: named.unit.code } : {}),
      source: 'text',
      placeName: named.name,
    };
  }
  return coded.town ? { ...coded, source: 'channel' } : { source: 'unknown' };
}
