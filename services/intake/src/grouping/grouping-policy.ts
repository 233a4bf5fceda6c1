const HOUR_MS = 60 * 60 * 1000;

/** Calibrated on the dev petitions and hand-written variants: docs/architecture.md#same-matter-grouping. */
export const DEFAULT_GROUPING_WINDOW_HOURS = 72;
export const DEFAULT_GROUPING_MIN_SIMILARITY = 0.2;

/** The two numbers behind "same matter" (INTAKE_GROUPING_WINDOW_HOURS, INTAKE_GROUPING_MIN_SIMILARITY). */
export class GroupingPolicy {
  constructor(
    /** How far apart in reception two petitions of one matter may be; a group's window slides with its members. */
    readonly windowMs: number,
    /** The least text similarity (0–1) to join a group or to found one with a lone petition. */
    readonly minSimilarity: number,
  ) {}

  static of(windowHours: number, minSimilarity: number): GroupingPolicy {
    return new GroupingPolicy(windowHours * HOUR_MS, minSimilarity);
  }
}

export const DEFAULT_GROUPING_POLICY = GroupingPolicy.of(
  DEFAULT_GROUPING_WINDOW_HOURS,
  DEFAULT_GROUPING_MIN_SIMILARITY,
);
