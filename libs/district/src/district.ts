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
export interface District {
  district: { code: string; name: string };
  towns: Town[];
  channels: Channel[];
  departments: Department[];
  sla: { general: { resolveWithinDays: number }; complex: { resolveWithinDays: number } };
}

/** The demo district (涪口区) from the source articles: the default jurisdiction until an operator loads another. */
export const DEMO_DISTRICT: District = districtData;

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
