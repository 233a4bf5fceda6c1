/** At most one warning per interval: a Redis outage would otherwise log once per request. */
export function shouldWarn(lastWarnedMs: number | undefined, nowMs: number, intervalMs = 60_000): boolean {
  return lastWarnedMs === undefined || nowMs - lastWarnedMs >= intervalMs;
}
