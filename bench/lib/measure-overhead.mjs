// The apply's overhead: infra-action's first apply of the workload against the same commands run bare
// over SSH (bench/lib/bare-apply.mjs), each on its own fresh fleet of the same size, as wall time and
// whole-machine CPU time, with the processes each started per host.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MINUTE } from "../../scripts/lib/processes.mjs";
import { lastPids, processesBetween } from "./box-cpu.mjs";
import { removeBenchContainers } from "./containers.mjs";
import { eachLimit } from "./each-limit.mjs";
import { startFleet } from "./fleet.mjs";
import { runInfraAction } from "./infra-action-runner.mjs";
import { fail, run, say } from "./output.mjs";
import { benchDir, repoRoot, workDir } from "./paths.mjs";
import { managedState } from "./same-state.mjs";
import { OVERHEAD_HOSTS, POOL, SECOND } from "./settings.mjs";
import { timed } from "./timed.mjs";
import { checkFinished, toolEnv } from "./tool-run.mjs";

// A file write as the report shows it: "create PATH (…, mode 644, …)" or "write PATH (…, mode 644)".
const FILE_WRITE = /^(?:create|write) (\S+) \(.*\bmode (\d+)/;

// The bare script of one host: its changed operations' commands in order, each file written from the
// bytes infra-action left on the same host of the first fleet (base64, as infra-action sends them).
async function bareScript(reportHost, container) {
  const commands = reportHost.operations.filter((o) => o.status === "changed").flatMap((o) => o.commands);
  const paths = [...new Set(commands.map((c) => FILE_WRITE.exec(c)?.[1]).filter(Boolean))];
  const read = await run(
    "docker",
    ["exec", container, "sh", "-c", paths.map((p) => `base64 -w76 ${p}; echo ===`).join("; ")],
    {
      timeoutMs: MINUTE,
    },
  );
  const contents = new Map(paths.map((p, i) => [p, read.stdout.split("===\n")[i]?.trim() ?? ""]));
  const lines = ["set -e"];
  for (const command of commands) {
    const write = FILE_WRITE.exec(command);
    if (!write) lines.push(command);
    else lines.push(`base64 -d > ${write[1]} <<'EOF'`, contents.get(write[1]), "EOF", `chmod ${write[2]} ${write[1]}`);
  }
  return `${lines.join("\n")}\n`;
}

// infra-action's first apply, then the bare commands, then infra-action's plan alone, each on fresh
// containers; all measured alike. The plan alone (the facts a first apply reads before it changes
// anything) tells the overhead's two parts apart: planning, and the apply script against the bare one.
export async function measureOverhead(ctx) {
  const n = OVERHEAD_HOSTS;
  say(`apply overhead: infra-action's first apply on ${n} hosts against the same commands run bare`);
  let infraAction;
  let scripts;
  let stateIa;
  await onFreshFleet(ctx, `overhead-ia-${n}`, async (ia) => {
    infraAction = await counted(ia, () => runInfraAction(ia, "apply", { label: `overhead-ia-${n}` }));
    const report = JSON.parse(readFileSync(join(workDir, `overhead-ia-${n}.report.json`), "utf8"));
    scripts = await eachLimit(ia.hosts, POOL, (host) =>
      bareScript(report.hosts.find((h) => h.name === host.name) ?? fail(`no report for ${host.name}`), host.container),
    );
    stateIa = await managedState(ia.hosts[0].container);
  });
  let bare;
  await onFreshFleet(ctx, `overhead-bare-${n}`, async (bareFleet) => {
    const planFile = join(workDir, `overhead-bare-${n}.json`);
    const hosts = bareFleet.hosts.map((h, i) => ({ name: h.name, port: h.port, script: scripts[i] }));
    writeFileSync(planFile, JSON.stringify({ key: ctx.keys.client, knownHosts: bareFleet.knownHosts, hosts }));
    const logFile = join(workDir, `overhead-bare-${n}.log`);
    bare = await counted(bareFleet, async () => {
      const measured = await timed(process.execPath, [join(benchDir, "lib", "bare-apply.mjs"), planFile], {
        cwd: repoRoot,
        env: toolEnv(),
        logFile,
      });
      checkFinished(measured, "the bare commands", logFile);
      if (measured.code !== 0) fail(`the bare commands failed (exit ${measured.code}); see ${logFile}`);
      return measured;
    });
    const same = JSON.stringify(await managedState(bareFleet.hosts[0].container)) === JSON.stringify(stateIa);
    if (!same) fail("the bare commands left another state than infra-action's apply on bench-1");
  });
  let plan;
  await onFreshFleet(ctx, `overhead-plan-${n}`, async (fleet) => {
    plan = await counted(fleet, () => runInfraAction(fleet, "plan", { label: `overhead-plan-${n}` }));
  });
  const ratio = (a, b) => Number((a / b).toFixed(2));
  const result = {
    hosts: n,
    infraAction: pick(infraAction),
    bare: pick(bare),
    plan: pick(plan),
    wallRatio: ratio(infraAction.wallMs, bare.wallMs),
    cpuRatio: ratio(infraAction.boxCpuMs, bare.boxCpuMs),
    planCpuRatio: ratio(plan.boxCpuMs, bare.boxCpuMs),
  };
  const figures = (m) =>
    `${(m.wallMs / SECOND).toFixed(2)} s wall, ${(m.boxCpuMs / SECOND).toFixed(2)} s CPU, ${m.remoteProcesses.max} processes/host`;
  say(
    `apply overhead: ${n} hosts: infra-action ${figures(infraAction)}; bare ${figures(bare)}: ratios ` +
      `${result.wallRatio} (wall), ${result.cpuRatio} (CPU); the plan alone ${figures(plan)}`,
  );
  return result;
}

// Runs `measure` on a fleet of fresh containers, which are removed after.
async function onFreshFleet(ctx, tag, measure) {
  const fleet = await startFleet(OVERHEAD_HOSTS, ctx.image, ctx.keys, tag);
  try {
    await measure(fleet);
  } finally {
    await removeBenchContainers();
  }
}

// A measured run, with the processes it started on each host of the fleet.
async function counted(fleet, run) {
  const before = await lastPids(fleet.hosts);
  const measured = await run();
  return { ...measured, remoteProcesses: processesBetween(before, await lastPids(fleet.hosts)) };
}

// The figures of one measured run that the results keep.
function pick(m) {
  return {
    wallMs: m.wallMs,
    boxCpuMs: m.boxCpuMs,
    controllerCpuMs: m.ownCpuMs,
    peakRssKB: m.peakRssKB,
    remoteProcesses: m.remoteProcesses,
    ...(m.executions ? { executions: m.executions } : {}),
  };
}
