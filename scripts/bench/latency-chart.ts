import type { PhaseReport } from './report';

const SERIES = [
  ['p50', 'p50', '#4e79a7'],
  ['p90', 'p90', '#f28e2b'],
  ['p99', 'p99', '#e15759'],
] as const;
const TARGET_P99_MS = 50;
const TARGET_RATE = 3000;

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);
}

function formatMs(ms: number): string {
  return ms < 10 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en');
}

/** A round step for about six ticks up to `max`. */
function tickStep(max: number): number {
  const rough = max / 6;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((step) => step >= rough) ?? 10 * magnitude;
}

/**
 * Latency against load, as an SVG of its own (no chart library): p50, p90 and p99 of each open-loop phase at its
 * arrival rate, on a logarithmic latency axis (so that milliseconds and a saturated phase's seconds both stay
 * readable); the best closed-loop throughput as a vertical line; the targets (p99 ≤ 50 ms at 1,000/s, ≥ 3,000/s)
 * dashed in red.
 */
export function latencyVsRateSvg(phases: readonly PhaseReport[]): string {
  const open = phases
    .filter((phase) => phase.kind === 'open-loop' && phase.targetRatePerSecond !== undefined)
    .sort((a, b) => a.targetRatePerSecond! - b.targetRatePerSecond!);
  const best = Math.max(0, ...phases.filter((p) => p.kind === 'closed-loop').map((p) => p.acceptedPerSecond));
  const width = 760;
  const height = 440;
  const plot = { left: 70, right: width - 30, top: 50, bottom: height - 80 };
  const maxRate = Math.max(TARGET_RATE, best, ...open.map((phase) => phase.targetRatePerSecond!)) * 1.08;
  const largest = Math.max(TARGET_P99_MS * 2, ...open.flatMap((phase) => SERIES.map(([key]) => phase.latencyMs[key])));
  const decades = Math.max(2, Math.ceil(Math.log10(largest)));
  const x = (rate: number): number => plot.left + (rate / maxRate) * (plot.right - plot.left);
  const y = (ms: number): number => plot.bottom - (Math.log10(Math.max(1, ms)) / decades) * (plot.bottom - plot.top);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${plot.left}" y="22" font-size="13">intake POST /petitions: latency (ms, log scale) against arrival rate (requests/s)</text>`,
    `<text x="${plot.left}" y="38" fill="#666">open loop, latency from each request's scheduled send; signed requests, 202 after commit</text>`,
  ];
  for (let decade = 0; decade <= decades; decade++) {
    const gy = y(10 ** decade).toFixed(1);
    parts.push(
      `<line x1="${plot.left}" y1="${gy}" x2="${plot.right}" y2="${gy}" stroke="#e5e5e5"/>`,
      `<text x="${plot.left - 6}" y="${Number(gy) + 4}" text-anchor="end" fill="#666">${(10 ** decade).toLocaleString('en')}</text>`,
    );
  }
  const step = tickStep(maxRate);
  for (let rate = 0; rate <= maxRate; rate += step) {
    const gx = x(rate).toFixed(1);
    parts.push(
      `<line x1="${gx}" y1="${plot.top}" x2="${gx}" y2="${plot.bottom}" stroke="#f0f0f0"/>`,
      `<text x="${gx}" y="${plot.bottom + 16}" text-anchor="middle" fill="#666">${rate.toLocaleString('en')}</text>`,
    );
  }
  parts.push(
    `<line x1="${plot.left}" y1="${plot.bottom}" x2="${plot.right}" y2="${plot.bottom}" stroke="#333"/>`,
    `<line x1="${plot.left}" y1="${plot.top}" x2="${plot.left}" y2="${plot.bottom}" stroke="#333"/>`,
    `<text x="${(plot.left + plot.right) / 2}" y="${plot.bottom + 34}" text-anchor="middle">arrival rate (requests/s)</text>`,
  );
  const targetY = y(TARGET_P99_MS).toFixed(1);
  const targetX = x(TARGET_RATE).toFixed(1);
  parts.push(
    `<line x1="${plot.left}" y1="${targetY}" x2="${plot.right}" y2="${targetY}" stroke="#c00" stroke-dasharray="5 4"/>`,
    `<text x="${plot.right - 4}" y="${Number(targetY) - 5}" text-anchor="end" fill="#c00">target p99 ≤ ${TARGET_P99_MS} ms at 1,000/s</text>`,
    `<line x1="${targetX}" y1="${plot.top}" x2="${targetX}" y2="${plot.bottom}" stroke="#c00" stroke-dasharray="5 4"/>`,
    `<text x="${Number(targetX) - 4}" y="${plot.top + 12}" text-anchor="end" fill="#c00">target ≥ ${TARGET_RATE.toLocaleString('en')}/s</text>`,
  );
  if (best > 0) {
    const bx = x(best).toFixed(1);
    parts.push(
      `<line x1="${bx}" y1="${plot.top}" x2="${bx}" y2="${plot.bottom}" stroke="#59a14f" stroke-width="2"/>`,
      `<text x="${Number(bx) + 4}" y="${plot.top + 26}" fill="#3a7a33">most accepted/s (closed loop): ${Math.round(best).toLocaleString('en')}</text>`,
    );
  }
  for (const [key, label, colour] of SERIES) {
    const points = open.map(
      (phase) => `${x(phase.targetRatePerSecond!).toFixed(1)},${y(phase.latencyMs[key]).toFixed(1)}`,
    );
    if (points.length > 1) {
      parts.push(`<polyline points="${points.join(' ')}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    }
    open.forEach((phase, index) => {
      const [px, py] = points[index]!.split(',');
      parts.push(
        `<circle cx="${px}" cy="${py}" r="3.5" fill="${colour}"><title>${escapeXml(`${phase.name}: ${label} ${phase.latencyMs[key]} ms, ${phase.acceptedPerSecond} accepted/s`)}</title></circle>`,
      );
      if (key === 'p99' || key === 'p50') {
        parts.push(
          `<text x="${Number(px) + 6}" y="${Number(py) + (key === 'p99' ? -6 : 14)}" fill="${colour}">${formatMs(phase.latencyMs[key])}</text>`,
        );
      }
    });
  }
  SERIES.forEach(([, label, colour], index) => {
    const lx = plot.left + index * 70;
    const ly = height - 22;
    parts.push(
      `<line x1="${lx}" y1="${ly - 4}" x2="${lx + 22}" y2="${ly - 4}" stroke="${colour}" stroke-width="2"/>`,
      `<text x="${lx + 27}" y="${ly}">${label}</text>`,
    );
  });
  parts.push('</svg>', '');
  return parts.join('\n');
}
