// What the autocannon benches (catalog-search.mjs, busy-pages.mjs) say of their rounds: medians, ranges, and
// each route's rounds against the trivial route's rounds of the same moment.

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Median and range of a list of figures, e.g. "1,234 (1,100-1,300)". */
export const spread = (values, digits = 0) => {
  const f = (v) => v.toLocaleString('en', { maximumFractionDigits: digits });
  return values.length === 0
    ? ''
    : `${f(median(values))} (${f(Math.min(...values))}-${f(Math.max(...values))})`;
};

/**
 * A route's rounds in `bench.runs` ({ route, round, reqPerSec, p50, p99, non2xx, errors, timeouts, settled }):
 * its figures per round, and each round's req/s over the same round's trivial route (both met the same
 * moment of the machine). Undefined when the route did not run.
 */
export const summary = (bench, route) => {
  const runs = bench.runs.filter((r) => r.route === route);
  if (runs.length === 0) return undefined;
  const trivial = bench.runs.filter((r) => r.route === 'trivial');
  const ratios = runs.flatMap((r) => {
    const t = trivial.find((x) => x.round === r.round);
    return t && t.reqPerSec > 0 ? [r.reqPerSec / t.reqPerSec] : [];
  });
  return {
    reqPerSec: runs.map((r) => r.reqPerSec),
    p50: runs.map((r) => r.p50),
    p99: runs.map((r) => r.p99),
    ratio: ratios,
    trouble: runs.some((r) => r.non2xx || r.errors || r.timeouts || !r.settled),
  };
};

export const backendName = (b) => (b === 'embedded' ? 'PGlite' : 'PostgreSQL');
export const verdict = (ok) => (ok ? 'met' : 'MISSED');

/** One autocannon result as a round's figures, and the line that reports it (`width` pads the route's name). */
export function roundOf(round, route, r, settled, width) {
  const run = {
    round,
    route,
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    settled,
  };
  const trouble = r.non2xx || r.errors || r.timeouts ? `  (${r.non2xx} non-2xx, ${r.errors} errors)` : '';
  const line = `  round ${round} ${route.padEnd(width)} ${String(Math.round(run.reqPerSec)).padStart(6)} req/s  p50 ${run.p50} ms  p99 ${run.p99} ms${trouble}`;
  return { run, line };
}
