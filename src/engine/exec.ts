// The engine's ad-hoc `exec` (pyinfra's `exec`): one shell command on the selected hosts in
// parallel, sudo by the global-argument rules, one outcome per host in inventory order.
import type { CommandOptions, ConnectContext, Connector } from "../connectors/connector.js";
import { ConnectError, isUserError, withoutHostName } from "../errors.js";
import type { InventoryHost } from "../inventory/types.js";
import { createConnector } from "./connect.js";
import { splitArgs, sudoOptions } from "./global-args.js";
import type { OperationHandle } from "./operation-handle.js";
import { type ConnectorTracker, eachHostUntilAborted } from "./track-connectors.js";

export interface ExecOptions {
  hosts: readonly InventoryHost[];
  // A shell command line, run as typed.
  command: string;
  // How many hosts run at once.
  parallel: number;
  // Kill the command after this long; the host's outcome then says so.
  timeoutMs?: number;
  // From the command line (`--sudo`, `--sudo-user`), above the host data's `_sudo`, `_sudo_user`.
  sudo?: boolean;
  sudoUser?: string;
  connectContext?: ConnectContext;
  events?: ExecEvents;
}

export interface ExecEvents {
  // A host's output as it arrives.
  output?(host: string, stream: "stdout" | "stderr", chunk: Buffer): void;
  // A host is finished (its output is complete).
  done?(host: string): void;
}

// What the engine reaches the world through; tests hand in fakes.
export interface ExecSeams {
  connect?: (host: InventoryHost, context: ConnectContext) => Connector;
  now?: () => number;
  // Aborted by a face on SIGINT/SIGTERM, with the signal's name as its reason.
  signal?: AbortSignal;
}

// One host's result; a non-zero exit code is "failed", a host that cannot be reached "unreachable".
export interface ExecOutcome {
  host: string;
  status: "ok" | "failed" | "unreachable";
  exitCode?: number;
  message?: string;
  ms: number;
}

// The host data keys exec reads (the other global arguments are about operations).
const sudoKeys = ["_sudo", "_sudo_user", "_sudo_password"] as const;

// Runs the command on every host; on abort every connected host is disconnected, then the run
// rejects with an InterruptedError.
export async function execOnHosts(options: ExecOptions, seams: ExecSeams = {}): Promise<ExecOutcome[]> {
  const connect = seams.connect ?? createConnector;
  const now = seams.now ?? Date.now;
  return eachHostUntilAborted(
    options.hosts,
    options.parallel,
    seams.signal,
    (host): ExecOutcome => ({ host: host.name, status: "failed", ms: 0 }),
    async (host, connectors) => {
      try {
        return await execOnHost(host, options, { connect, now, connectors });
      } finally {
        options.events?.done?.(host.name);
      }
    },
  );
}

async function execOnHost(
  host: InventoryHost,
  options: ExecOptions,
  seams: {
    connect: NonNullable<ExecSeams["connect"]>;
    now: () => number;
    connectors: ConnectorTracker;
  },
): Promise<ExecOutcome> {
  const started = seams.now();
  const outcome = (fields: Omit<ExecOutcome, "host" | "ms">): ExecOutcome => ({
    host: host.name,
    ...fields,
    ms: seams.now() - started,
  });
  let sudo: CommandOptions;
  try {
    sudo = readSudo(host, options);
  } catch (error) {
    if (!isUserError(error)) throw error;
    return outcome({ status: "failed", message: error.message });
  }
  const connector = seams.connect(host, options.connectContext ?? {});
  seams.connectors.add(connector);
  try {
    try {
      await connector.connect();
    } catch (error) {
      if (!isUserError(error)) throw error;
      return outcome({ status: "unreachable", message: withoutHostName(error.message, host.name) });
    }
    const result = await connector.run(options.command, {
      ...sudo,
      timeoutMs: options.timeoutMs,
      onOutput: (stream, chunk) => options.events?.output?.(host.name, stream, chunk),
    });
    if (result.timedOut)
      return outcome({ status: "failed", message: `timed out after ${(options.timeoutMs ?? 0) / 1000}s` });
    return outcome({ status: result.exitCode === 0 ? "ok" : "failed", exitCode: result.exitCode });
  } catch (error) {
    if (!isUserError(error)) throw error;
    const status = error instanceof ConnectError ? "unreachable" : "failed";
    return outcome({ status, message: withoutHostName(error.message, host.name) });
  } finally {
    await seams.connectors.disconnect(connector);
  }
}

// The host's sudo settings by the global-argument rules: the command line's over the host data's.
function readSudo(host: InventoryHost, options: ExecOptions): CommandOptions {
  const given = {
    ...(options.sudo ? { _sudo: true } : {}),
    ...(options.sudoUser ? { _sudo_user: options.sudoUser } : {}),
  };
  const data = Object.fromEntries(sudoKeys.filter((key) => key in host.data).map((key) => [key, host.data[key]]));
  return sudoOptions(splitArgs(given, data, isNoHandle).global);
}

// Exec takes no operation handles (`_if` is not one of its arguments).
function isNoHandle(_value: unknown): _value is OperationHandle {
  return false;
}
