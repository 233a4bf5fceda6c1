/**
 * Preloaded into intake by the benchmark (`node --require …/event-loop-probe.js`), never by the service itself: once
 * a second it writes how busy intake's event loop was (utilisation 0–1) and how late its timers ran, as one line on
 * stderr that the benchmark reads. A loop near 1.0 is intake's single JavaScript thread being the bottleneck.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
let last = performance.eventLoopUtilization();
setInterval(() => {
  const now = performance.eventLoopUtilization();
  const utilisation = performance.eventLoopUtilization(now, last).utilization;
  last = now;
  process.stderr.write(
    `bench-probe elu=${utilisation.toFixed(3)} delay_p50_ms=${(delay.percentile(50) / 1e6).toFixed(1)} ` +
      `delay_p99_ms=${(delay.percentile(99) / 1e6).toFixed(1)}\n`,
  );
  delay.reset();
}, 1000).unref();
