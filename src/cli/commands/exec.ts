// `infra-action exec INVENTORY -- COMMAND...`: runs an ad-hoc command on every selected host in
// parallel (through the engine), streams each host's output, then prints a per-host summary
// (pyinfra's `exec`).
import { execOnHosts } from "../../engine/exec.js";
import { formatTable } from "../../report/table.js";
import { type HostSelectionOptions, loadSelectedHosts } from "../host-selection.js";
import { createLinePrefixer } from "../line-prefixer.js";
import { positiveInteger } from "../numbers.js";
import type { CliSecrets } from "../secrets.js";
import { abortOnSignals } from "../signals.js";

export interface ExecCommandOptions extends HostSelectionOptions {
  sudo?: boolean;
  sudoUser?: string;
  parallel: string;
  timeout?: string;
}

// Runs the command everywhere; exit code 1 when any host failed or was unreachable.
export async function execCommand(
  file: string,
  command: string[],
  options: ExecCommandOptions,
  secrets: CliSecrets,
): Promise<number> {
  const { io } = secrets;
  const parallel = positiveInteger(options.parallel, "--parallel");
  const timeoutMs = options.timeout === undefined ? undefined : positiveInteger(options.timeout, "--timeout") * 1000;
  const inventory = await loadSelectedHosts(file, options, secrets);
  for (const warning of inventory.warnings) io.stderr(`warning: ${warning}\n`);
  // One argument is a shell command line as typed; several are joined as ssh does.
  const line = command.length === 1 ? (command[0] ?? "") : command.join(" ");

  // Each host's output, a whole line at a time, prefixed with its name.
  const prefixers = new Map(
    inventory.hosts.map((host) => {
      const prefix = `[${host.name}] `;
      return [
        host.name,
        { stdout: createLinePrefixer(prefix, io.stdout), stderr: createLinePrefixer(prefix, io.stderr) },
      ];
    }),
  );
  // SIGINT/SIGTERM: the engine disconnects every connected host (a container made for it removed), then exit.
  const guard = abortOnSignals(io.stderr);
  const outcomes = await guard
    .watch(
      execOnHosts(
        {
          hosts: inventory.hosts,
          command: line,
          parallel,
          timeoutMs,
          sudo: options.sudo,
          sudoUser: options.sudoUser,
          connectContext: { warn: (message) => io.stderr(`warning: ${message}\n`) },
          events: {
            output: (host, stream, chunk) => prefixers.get(host)?.[stream].push(chunk),
            done: (host) => {
              prefixers.get(host)?.stdout.flush();
              prefixers.get(host)?.stderr.flush();
            },
          },
        },
        { signal: guard.signal },
      ),
    )
    .finally(() => guard.dispose());

  io.stdout("\n");
  const rows = outcomes.map((o) => [
    o.host,
    o.status,
    o.exitCode === undefined ? "-" : String(o.exitCode),
    `${(o.ms / 1000).toFixed(1)}s`,
  ]);
  io.stdout(`${formatTable(["HOST", "STATUS", "EXIT", "TIME"], rows).join("\n")}\n`);
  for (const { host, message } of outcomes) if (message) io.stderr(`${host}: ${message}\n`);
  const failed = outcomes.filter((o) => o.status !== "ok").length;
  io.stdout(`\n${outcomes.length - failed} ok, ${failed} failed or unreachable\n`);
  return failed ? 1 : 0;
}
