// The markdown results section of bench/README.md, made from a results file.
import { relative } from "node:path";
import { marginalMemory } from "./budgets.mjs";
import { benchDir } from "./paths.mjs";
import { SCALE_HOSTS, SECOND, STEPS, TOOLS } from "./settings.mjs";
import { OPS_PER_HOST } from "./workload.mjs";

// Seconds with two decimals, or "—".
function secs(ms) {
  return ms === undefined ? "—" : (ms / SECOND).toFixed(2);
}

// A figure or "—".
function fig(value) {
  return value === undefined || value === null ? "—" : String(value);
}

// The markdown results section of bench/README.md.
export function renderResults(results, file) {
  const m = results.machine;
  const lines = [
    `Results of ${results.date} (\`${relative(benchDir, file)}\`): ${m.nproc} cores (${m.cpu}), ` +
      `${Math.round(m.memoryMB / 1024)} GB, Linux ${m.kernel}, Node ${m.node}, ${m.ansible}, Docker ${m.docker}. ` +
      `Medians of ${results.settings.runs} runs (fewer where noted), each on fresh containers; ${OPS_PER_HOST} operations per host. ` +
      `Code measured: commit ${results.code?.commit?.slice(0, 12) ?? "unknown"}` +
      `${results.code?.uncommittedChanges ? " with uncommitted changes" : ""} (bundles ${results.code?.bundlesSha256 ?? "unknown"}).`,
    "",
    "| hosts | tool | first apply | no-op re-run | plan (Ansible: --check) | SSH logins / host | exec channels / host (apply, re-run, plan) | infra-action executions / host (apply, re-run, plan) | peak RSS | tree PSS |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const size of results.sizes) {
    if (!size.medians) {
      lines.push(`| ${size.hosts} | skipped: ${size.notes.join("; ")} | | | | | | | | |`);
      continue;
    }
    for (const tool of TOOLS) {
      const [a, b, c] = STEPS[tool].map((s) => size.medians[tool][s]);
      const execs =
        tool === "infra-action" ? `${a.executionsPerHost}, ${b.executionsPerHost}, ${c.executionsPerHost}` : "—";
      lines.push(
        `| ${size.hosts} | ${tool} | ${secs(a.wallMs)} s | ${secs(b.wallMs)} s | ${secs(c.wallMs)} s | ` +
          `${fig(a.sshLoginsPerHost)} | ${fig(a.execChannelsPerHost)}, ${fig(b.execChannelsPerHost)}, ${fig(c.execChannelsPerHost)} | ` +
          `${execs} | ${fig(a.peakRssMB)} MB | ${fig(a.treePssMB)} MB |`,
      );
    }
  }
  lines.push("", "Speed-up of infra-action over Ansible (Ansible's median wall time ÷ infra-action's):", "");
  lines.push("| hosts | first apply | no-op re-run | plan vs --check |", "| ---: | ---: | ---: | ---: |");
  for (const size of results.sizes.filter((s) => s.medians)) {
    const ratio = (x, y) => {
      const a = size.medians.ansible[y].wallMs;
      const b = size.medians["infra-action"][x].wallMs;
      return a && b ? `${(a / b).toFixed(1)}×` : "—";
    };
    lines.push(`| ${size.hosts} | ${ratio("apply", "apply")} | ${ratio("noop", "noop")} | ${ratio("plan", "check")} |`);
  }
  const notes = results.sizes.flatMap((s) => s.notes.map((n) => `- ${s.hosts} hosts: ${n}`));
  if (notes.length) lines.push("", ...notes);
  lines.push("", "Memory per host (first apply; controller peak RSS, and PSS of the whole process tree):", "");
  lines.push(
    "| tool | measure | " +
      results.sizes
        .filter((s) => s.medians)
        .map((s) => `${s.hosts} hosts`)
        .join(" | ") +
      " | per extra host |",
  );
  lines.push(
    `| --- | --- | ${results.sizes
      .filter((s) => s.medians)
      .map(() => "---:")
      .join(" | ")} | --- |`,
  );
  for (const tool of TOOLS) {
    for (const [measure, key] of [
      ["peak RSS", "peakRssMB"],
      ["tree PSS", "treePssMB"],
    ]) {
      const sizes = results.sizes.filter((s) => s.medians);
      const cells = sizes.map((s) => `${fig(s.medians[tool].apply[key])} MB`);
      const marginal = marginalMemory(sizes, tool, key)
        .map((r) => `${r.from}→${r.to}: ${r.mbPerHost} MB`)
        .join(", ");
      lines.push(`| ${tool} | ${measure} | ${cells.join(" | ")} | ${marginal || "—"} |`);
    }
  }
  if (results.scaling.length) {
    lines.push(
      "",
      `infra-action on ${SCALE_HOSTS} hosts as the number of operations grows (\`--data bench_scale=K\`):`,
      "",
    );
    lines.push("| operations / host | first apply | executions / host | no-op plan | executions / host |");
    lines.push("| ---: | ---: | ---: | ---: | ---: |");
    for (const row of results.scaling) {
      const { apply, plan } = row.medians;
      lines.push(
        `| ${row.operationsPerHost} | ${secs(apply.wallMs)} s | ${fig(apply.executionsPerHost)} | ${secs(plan.wallMs)} s | ${fig(plan.executionsPerHost)} |`,
      );
    }
  }
  const [fewest, most] = [results.scaling[0], results.scaling.at(-1)];
  if (fewest && most && most.operationsPerHost > fewest.operationsPerHost) {
    const extra = (most.operationsPerHost - fewest.operationsPerHost) * SCALE_HOSTS;
    const perOp = (step) => ((most.medians[step].wallMs - fewest.medians[step].wallMs) / extra).toFixed(2);
    lines.push(
      "",
      `Remote executions per host stay the same as operations are added; wall time grows by ${perOp("plan")} ms ` +
        `(no-op plan) and ${perOp("apply")} ms (first apply) per added operation and host.`,
    );
  }
  lines.push("", "Action:", "");
  lines.push(
    `- cold start (\`node dist/index.js\`, no inputs, to its first line of output): ${results.coldStart.medianMs} ms ` +
      `(median of ${results.coldStart.samplesMs.length})`,
  );
  lines.push(
    `- bundles: ${Object.entries(results.bundles)
      .map(([f, size]) => `\`dist/${f}\` ${(size / 1024 / 1024).toFixed(2)} MiB`)
      .join(", ")}`,
  );
  if (results.sameState) lines.push(`- ${results.sameState}`);
  lines.push("", "Budgets:", "");
  for (const check of results.budgets)
    lines.push(`- **${check.met ? "met" : "MISSED"}**: ${check.budget} — ${check.figure}`);
  return lines.join("\n");
}
