// The "one runner, many hosts" and "apply overhead" section of bench/README.md, and its budgets.
import { relative } from "node:path";
import { mb } from "./figures.mjs";
import { growth } from "./measure-many.mjs";
import { benchDir } from "./paths.mjs";
import { SECOND } from "./settings.mjs";

const BUDGETS = { planWallMs: 20 * SECOND, planHosts: 500, rssMB: 300, executions: 1, growth: 1.1, overhead: 1.2 };

// Seconds with two decimals.
const secs = (ms) => (ms / SECOND).toFixed(2);
// How much more a ratio is than one: 1.9 → "90%".
const percent = (ratio) => `${Math.round((ratio - 1) * 100)}%`;

// The budgets of issue "beyond one runner", checked against the figures: [{ budget, figure, met }].
export function checkRunnerBudgets(results) {
  const checks = [];
  const rows = (results.many ?? []).filter((r) => r.steps);
  const largest = rows.find((r) => r.hosts === BUDGETS.planHosts);
  if (results.many) {
    const plan = largest?.steps.plan;
    checks.push({
      budget: `${BUDGETS.planHosts}-host no-op plan under ${BUDGETS.planWallMs / SECOND} s and ${BUDGETS.rssMB} MB controller RSS`,
      figure: plan ? `${secs(plan.wallMs)} s, ${mb(plan.peakRssKB)} MB` : "not measured",
      met: Boolean(plan) && plan.wallMs < BUDGETS.planWallMs && mb(plan.peakRssKB) < BUDGETS.rssMB,
    });
    const execs = Math.max(...rows.map((r) => r.steps.plan.executions.max));
    checks.push({
      budget: `${BUDGETS.executions} remote execution per host for a no-op plan at every size`,
      figure: rows.map((r) => `${r.hosts} hosts: ${r.steps.plan.executions.max}`).join(", ") || "not measured",
      met: rows.length > 0 && execs <= BUDGETS.executions,
    });
    const g = growth(rows, "plan");
    checks.push({
      budget:
        "no-op plan wall time grows no faster than linearly with hosts (time per host within 10% of the smallest size's)",
      figure: g.map((x) => `${x.hosts}: ${x.perHostMs} ms/host (${x.vsFirst}×)`).join(", ") || "not measured",
      met: g.length > 1 && g.every((x) => x.vsFirst <= BUDGETS.growth),
    });
  }
  if (results.overhead) {
    const o = results.overhead;
    checks.push({
      budget: `first apply within 20% of the same commands run bare (${o.hosts} hosts; wall and whole-machine CPU)`,
      figure:
        `${percent(o.wallRatio)} (wall), ${percent(o.cpuRatio)} (CPU)` +
        (o.plan
          ? `; the plan alone, before any change, costs ${Math.round(o.planCpuRatio * 100)}% of the bare commands' CPU`
          : ""),
      met: o.wallRatio <= BUDGETS.overhead && o.cpuRatio <= BUDGETS.overhead,
    });
  }
  return checks;
}

// Ansible's no-op --check ÷ infra-action's no-op plan at the same size, when the same run measured both.
function ansibleRatio(results, n, plan) {
  const size = results.sizes?.find((s) => s.hosts === n && s.medians);
  const check = size?.medians.ansible.check.wallMs;
  return check ? `${(check / plan.wallMs).toFixed(1)}×` : "—";
}

// Where a results file's carried part (a row of `many`, or `overhead`) was measured: { file, commit },
// or undefined for its own. (An older file marks what it carried `true` and names that one origin,
// with the parts it carried, at its top.)
export function carriedFrom(results, part) {
  const carried =
    part === results.overhead
      ? (part?.carried ?? results.carried?.parts?.includes("the apply overhead"))
      : part?.carried;
  if (typeof carried === "object") return carried;
  return carried && results.carried ? { file: results.carried.file, commit: results.carried.commit } : undefined;
}

// What this run carried over from earlier ones (BENCH_CARRY), by the run that measured it:
// [["`results/…json` (an earlier run, dist of abc1234)", "100 and 250 hosts, the apply overhead"]].
function carriedParts(results) {
  const origins = new Map();
  const add = (from, part) => {
    if (!from) return;
    const key = `\`${from.file}\` (an earlier run, dist of ${from.commit})`;
    origins.set(key, { hosts: [], overhead: false, ...origins.get(key) });
    part(origins.get(key));
  };
  for (const r of results.many ?? []) add(carriedFrom(results, r), (o) => o.hosts.push(r.hosts));
  add(carriedFrom(results, results.overhead), (o) => (o.overhead = true));
  return [...origins].map(([from, o]) => {
    const hosts = o.hosts.length ? [`${o.hosts.join(", ").replace(/, (\d+)$/, " and $1")} hosts`] : [];
    return [from, [...hosts, ...(o.overhead ? ["the apply overhead"] : [])].join(", ")];
  });
}

// The section's markdown.
export function renderRunner(results, file) {
  const lines = [`Results of ${results.date} (\`${relative(benchDir, file)}\`), one run per size on fresh containers.`];
  for (const [from, parts] of carriedParts(results)) lines.push("", `Carried over from ${from}: ${parts}.`);
  const rows = (results.many ?? []).filter((r) => r.steps);
  if (results.many) {
    lines.push(
      "",
      "| hosts | at once (`--parallel`) | first apply | no-op re-run | no-op plan | SSH floor (log in, run `true`) | plan: Ansible --check ÷ infra-action (same run) | executions / host (apply, re-run, plan) | SSH logins / host | peak RSS (apply, plan) |",
      "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    );
    for (const r of results.many) {
      if (!r.steps) {
        lines.push(`| ${r.hosts} | | ${r.notes.join("; ")} | | | | | | | |`);
        continue;
      }
      const { apply, noop, plan } = r.steps;
      lines.push(
        `| ${r.hosts} | ${r.parallel ?? r.hosts} | ${secs(apply.wallMs)} s | ${secs(noop.wallMs)} s | ${secs(plan.wallMs)} s | ${r.floor ? `${secs(r.floor.wallMs)} s` : "—"} | ${ansibleRatio(results, r.hosts, plan)} | ` +
          `${apply.executions.max}, ${noop.executions.max}, ${plan.executions.max} | ${apply.ssh.logins.max} | ${mb(apply.peakRssKB)} MB, ${mb(plan.peakRssKB)} MB |`,
      );
    }
    const g = growth(rows, "plan");
    if (g.length > 1)
      lines.push(
        "",
        `No-op plan time per host: ${g.map((x) => `${x.hosts} hosts ${x.perHostMs} ms (${x.vsFirst}×)`).join(", ")}.`,
        ...(g.every((x) => x.vsFloor)
          ? [
              "",
              `No-op plan time over the SSH floor of the same size (each host logging in and running \`true\`, measured beside it): ${g.map((x) => `${x.hosts} hosts ${x.vsFloor}×`).join(", ")}.`,
            ]
          : []),
      );
    for (const r of rows.filter((row) => row.floorFailed))
      lines.push("", `The ${r.hosts}-host SSH floor failed (its column says —): ${r.floorFailed}`);
    const failedProfile = rows.find((r) => r.profile?.failed);
    if (failedProfile)
      lines.push("", `The profiled ${failedProfile.hosts}-host plan (untimed) failed: ${failedProfile.profile.failed}`);
    const profiled = rows.find((r) => r.profile?.top);
    if (profiled) {
      lines.push(
        "",
        `Where the controller's CPU goes in a ${profiled.hosts}-host no-op plan (V8 profile, ${profiled.profile.totalMs} ms sampled; self time):`,
        "",
        "| function | ms | share |",
        "| --- | ---: | ---: |",
        ...profiled.profile.top.map((t) => `| \`${t.function}\` | ${t.ms} | ${(t.share * 100).toFixed(1)}% |`),
      );
    }
  }
  if (results.overhead) {
    const o = results.overhead;
    const row = (name, m) =>
      `| ${name} | ${secs(m.wallMs)} s | ${secs(m.boxCpuMs)} s | ${m.controllerCpuMs === undefined ? "—" : `${secs(m.controllerCpuMs)} s`} | ${m.remoteProcesses.max} | ${mb(m.peakRssKB)} MB |`;
    lines.push(
      "",
      `Apply overhead: the first apply of the ${o.hosts}-host workload against the same commands run bare over SSH (one connection and one \`sudo sh\` per host, no markers, guards, hashing or lock), each on fresh containers:`,
      "",
      "| run | wall | whole-machine CPU | controller CPU | processes started / host | controller peak RSS |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
      row("infra-action apply", o.infraAction),
      row("bare commands", o.bare),
      ...(o.plan ? [row("infra-action plan alone", o.plan)] : []),
      "",
      `Ratios: ${o.wallRatio}× wall, ${o.cpuRatio}× CPU.`,
    );
    if (o.plan)
      lines.push(
        "",
        `The plan alone is the same workload planned on ${o.hosts} other fresh hosts: the SSH login and the facts a first apply reads before it changes anything. ` +
          `It costs ${o.planCpuRatio}× the bare commands' CPU (their run has its login too), so no apply that plans first can come within 20% of them here; ` +
          `the first apply's CPU beyond its plan is ${((o.infraAction.boxCpuMs - o.plan.boxCpuMs) / o.bare.boxCpuMs).toFixed(2)}× the bare run's.`,
      );
  }
  const budgets = results.runnerBudgets ?? checkRunnerBudgets(results);
  lines.push("", "Budgets:", "", ...budgets.map((c) => `- **${c.met ? "met" : "MISSED"}**: ${c.budget} — ${c.figure}`));
  return lines.join("\n");
}
