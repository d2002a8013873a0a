// `infra-action exec INVENTORY -- COMMAND...`: runs an ad-hoc command on every selected host in
// parallel, streams each host's output, then prints a per-host summary (pyinfra's `exec`).

import { createConnector } from "../../engine/connect.js";
import { ConnectError, InterruptedError, isUserError, withoutHostName } from "../../errors.js";
import type { InventoryHost } from "../../inventory/types.js";
import { formatTable } from "../../report/table.js";
import { mapLimit } from "../../util/parallel.js";
import { type HostSelectionOptions, loadSelectedHosts } from "../host-selection.js";
import type { CliIo } from "../io.js";
import { createLinePrefixer } from "../line-prefixer.js";
import { positiveInteger } from "../numbers.js";
import type { CliSecrets } from "../secrets.js";
import { abortOnSignals } from "../signals.js";

type LiveConnector = ReturnType<typeof createConnector>;

export interface ExecCommandOptions extends HostSelectionOptions {
  sudo?: boolean;
  sudoUser?: string;
  parallel: string;
  timeout?: string;
}

type Outcome = { status: "ok" | "failed" | "unreachable"; exitCode?: number; message?: string; ms: number };

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

  // SIGINT/SIGTERM: every connected host is disconnected (a container made for it removed), then exit.
  const guard = abortOnSignals(io.stderr);
  const live = new Set<LiveConnector>();
  guard.signal.addEventListener("abort", () => {
    void guard.watch(Promise.allSettled([...live].map((connector) => connector.disconnect())));
  });
  const outcomes = await mapLimit(inventory.hosts, parallel, (host) =>
    execOnHost(host, line, { ...options, timeoutMs }, io, live),
  ).finally(() => guard.dispose());
  if (guard.signal.aborted) throw new InterruptedError(String(guard.signal.reason));

  io.stdout("\n");
  const rows = inventory.hosts.map((host, i) => {
    const o = outcomes[i] as Outcome;
    return [host.name, o.status, o.exitCode === undefined ? "-" : String(o.exitCode), `${(o.ms / 1000).toFixed(1)}s`];
  });
  io.stdout(`${formatTable(["HOST", "STATUS", "EXIT", "TIME"], rows).join("\n")}\n`);
  for (const [i, host] of inventory.hosts.entries()) {
    const message = outcomes[i]?.message;
    if (message) io.stderr(`${host.name}: ${message}\n`);
  }
  const failed = outcomes.filter((o) => o.status !== "ok").length;
  io.stdout(`\n${outcomes.length - failed} ok, ${failed} failed or unreachable\n`);
  return failed ? 1 : 0;
}

async function execOnHost(
  host: InventoryHost,
  line: string,
  options: ExecCommandOptions & { timeoutMs?: number },
  io: CliIo,
  live: Set<LiveConnector>,
): Promise<Outcome> {
  const started = Date.now();
  const connector = createConnector(host, { warn: (message) => io.stderr(`warning: ${message}\n`) });
  live.add(connector);
  const out = createLinePrefixer(`[${host.name}] `, io.stdout);
  const err = createLinePrefixer(`[${host.name}] `, io.stderr);
  try {
    await connector.connect();
  } catch (error) {
    if (!isUserError(error)) throw error;
    return { status: "unreachable", message: withoutHostName(error.message, host.name), ms: Date.now() - started };
  }
  try {
    const sudoUser = options.sudoUser ?? stringData(host, "_sudo_user");
    const result = await connector.run(line, {
      sudo: options.sudo || host.data._sudo === true || Boolean(options.sudoUser),
      sudoUser,
      sudoPassword: stringData(host, "_sudo_password"),
      timeoutMs: options.timeoutMs,
      onOutput: (stream, chunk) => (stream === "stdout" ? out : err).push(chunk),
    });
    if (result.timedOut) {
      return {
        status: "failed",
        message: `timed out after ${(options.timeoutMs ?? 0) / 1000}s`,
        ms: Date.now() - started,
      };
    }
    return { status: result.exitCode === 0 ? "ok" : "failed", exitCode: result.exitCode, ms: Date.now() - started };
  } catch (error) {
    if (!isUserError(error)) throw error;
    const status = error instanceof ConnectError ? "unreachable" : "failed";
    return { status, message: withoutHostName(error.message, host.name), ms: Date.now() - started };
  } finally {
    out.flush();
    err.flush();
    live.delete(connector);
    await connector.disconnect().catch(() => undefined);
  }
}

function stringData(host: InventoryHost, key: string): string | undefined {
  const value = host.data[key];
  return typeof value === "string" && value ? value : undefined;
}
