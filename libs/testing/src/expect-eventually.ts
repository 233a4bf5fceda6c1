export interface ExpectEventuallyOptions {
  /** Give up after this long (default 20 000 ms). */
  timeoutMs?: number;
  /** Pause between attempts (default 100 ms). */
  intervalMs?: number;
  /** Names what is awaited, for the failure message. */
  description?: string;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `probe` until it returns without throwing (a jest `expect` inside it throws while the condition does not
 * hold yet) and returns what it returned. On timeout rethrows the last error, prefixed with the description and the
 * time waited. This is the only way tests wait for asynchronous effects: no fixed sleeps.
 */
export async function expectEventually<T>(
  probe: () => Promise<T> | T,
  options: ExpectEventuallyOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const intervalMs = options.intervalMs ?? 100;
  const started = Date.now();
  let attempts = 0;
  for (;;) {
    attempts += 1;
    try {
      return await probe();
    } catch (error) {
      const waited = Date.now() - started;
      if (waited >= timeoutMs) throw timeoutError(error, waited, attempts, options.description);
      await pause(Math.min(intervalMs, Math.max(0, timeoutMs - waited)));
    }
  }
}

function timeoutError(last: unknown, waitedMs: number, attempts: number, description?: string): Error {
  const prefix = `${description ?? 'condition'} not met after ${waitedMs} ms (${attempts} attempts)`;
  if (last instanceof Error) {
    // Keep the error itself (jest shows its diff and the stack into the probe); only its message gains the prefix.
    const header = `${last.name}: ${last.message}`;
    last.message = `${prefix}: ${last.message}`;
    if (last.stack?.startsWith(header)) last.stack = `${last.name}: ${last.message}${last.stack.slice(header.length)}`;
    return last;
  }
  return new Error(`${prefix}: ${String(last)}`);
}
