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

// infra-action's first apply, then the bare commands, each on fresh containers; both measured alike.
export async function measureOverhead(ctx) {
  const n = OVERHEAD_HOSTS;
  say(`apply overhead: infra-action's first apply on ${n} hosts against the same commands run bare`);
  const ia = await startFleet(n, ctx.image, ctx.keys, `overhead-ia-${n}`);
  let infraAction;
  let scripts;
  let stateIa;
  try {
    const before = await lastPids(ia.hosts);
    infraAction = await runInfraAction(ia, "apply", { label: `overhead-ia-${n}` });
    infraAction.remoteProcesses = processesBetween(before, await lastPids(ia.hosts));
    const report = JSON.parse(readFileSync(join(workDir, `overhead-ia-${n}.report.json`), "utf8"));
    scripts = await eachLimit(ia.hosts, POOL, (host) =>
      bareScript(report.hosts.find((h) => h.name === host.name) ?? fail(`no report for ${host.name}`), host.container),
    );
    stateIa = await managedState(ia.hosts[0].container);
  } finally {
    await removeBenchContainers();
  }
  const bareFleet = await startFleet(n, ctx.image, ctx.keys, `overhead-bare-${n}`);
  let bare;
  try {
    const planFile = join(workDir, `overhead-bare-${n}.json`);
    const hosts = bareFleet.hosts.map((h, i) => ({ name: h.name, port: h.port, script: scripts[i] }));
    writeFileSync(planFile, JSON.stringify({ key: ctx.keys.client, knownHosts: bareFleet.knownHosts, hosts }));
    const logFile = join(workDir, `overhead-bare-${n}.log`);
    const before = await lastPids(bareFleet.hosts);
    bare = await timed(process.execPath, [join(benchDir, "lib", "bare-apply.mjs"), planFile], {
      cwd: repoRoot,
      env: toolEnv(),
      logFile,
    });
    checkFinished(bare, "the bare commands", logFile);
    if (bare.code !== 0) fail(`the bare commands failed (exit ${bare.code}); see ${logFile}`);
    bare.remoteProcesses = processesBetween(before, await lastPids(bareFleet.hosts));
    const same = JSON.stringify(await managedState(bareFleet.hosts[0].container)) === JSON.stringify(stateIa);
    if (!same) fail("the bare commands left another state than infra-action's apply on bench-1");
  } finally {
    await removeBenchContainers();
  }
  const ratio = (a, b) => Number((a / b).toFixed(2));
  const result = {
    hosts: n,
    infraAction: pick(infraAction),
    bare: pick(bare),
    wallRatio: ratio(infraAction.wallMs, bare.wallMs),
    cpuRatio: ratio(infraAction.boxCpuMs, bare.boxCpuMs),
  };
  say(
    `apply overhead: ${n} hosts: infra-action ${(infraAction.wallMs / SECOND).toFixed(2)} s wall, ` +
      `${(infraAction.boxCpuMs / SECOND).toFixed(2)} s CPU, ${infraAction.remoteProcesses.max} processes/host; bare ` +
      `${(bare.wallMs / SECOND).toFixed(2)} s wall, ${(bare.boxCpuMs / SECOND).toFixed(2)} s CPU, ` +
      `${bare.remoteProcesses.max} processes/host: ratios ${result.wallRatio} (wall), ${result.cpuRatio} (CPU)`,
  );
  return result;
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
