// Small arithmetic on measured figures: medians, spreads over hosts, kilobytes to megabytes, and the
// medians of one step over the repetitions.

// The median of numbers (undefined for none).
export function median(values) {
  const sorted = values.filter((v) => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// The max, min and mean of per-host figures.
export function spread(values) {
  if (values.length === 0) return { max: 0, min: 0, mean: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { max: Math.max(...values), min: Math.min(...values), mean: Number(mean.toFixed(2)) };
}

// Kilobytes to megabytes, one decimal.
export function mb(kb) {
  return kb === undefined ? undefined : Number((kb / 1024).toFixed(1));
}

// The medians of each figure of a step over the repetitions.
export function stepMedians(runs, step) {
  const of = (pick) => median(runs.map((r) => pick(r[step])).filter((v) => v !== undefined));
  return {
    wallMs: of((s) => s?.wallMs),
    peakRssMB: mb(of((s) => s?.peakRssKB)),
    treePssMB: mb(of((s) => s?.treePssKB)),
    sshLoginsPerHost: of((s) => s?.ssh.logins.max),
    execChannelsPerHost: of((s) => s?.ssh.channels.max),
    executionsPerHost: of((s) => s?.executions?.max),
    changedOperations: of((s) => s?.changedOperations),
  };
}
