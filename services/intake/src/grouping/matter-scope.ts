import { townOfUnit, unitOfGrid } from '@petitions/district';

/**
 * Where a matter is: the place two petitions must share to be about the same matter. The unit (village, community,
 * park) when the petition names one or a grid inside one; otherwise its town, and then only petitions that name the
 * same road are grouped (a town is too large to group on text alone); no place at all, no grouping.
 */
export interface MatterScope {
  /** `unit:<code>` or `town:<code>`: the key groups are found by, and part of the lock's name. */
  readonly key: string;
  readonly unit: string | null;
  readonly town: string | null;
  /** Town-wide scopes: the texts (or addresses) must name a place in common. */
  readonly needsSharedPlace: boolean;
}

export function matterScopeOf(location: {
  unit: string | null;
  grid: string | null;
  town: string | null;
}): MatterScope | null {
  const unit = location.unit ?? (location.grid ? (unitOfGrid(location.grid)?.code ?? null) : null);
  if (unit) {
    const town = location.town ?? townOfUnit(unit)?.code ?? null;
    return { key: `unit:${unit}`, unit, town, needsSharedPlace: false };
  }
  if (location.town) return { key: `town:${location.town}`, unit: null, town: location.town, needsSharedPlace: true };
  return null;
}
