// The public API deploy files import: `import { host, apt, files, server } from "infra-action"`.
// Outside a deploy run these members only explain themselves; infra-action binds them per host.
import type { Host } from "./host/host.js";
import { unboundHost } from "./host/instances.js";
import type { GlobalArgsInput, OperationArgs } from "./operations/arg-types.js";

export type { FactArgs, FactName, FactResult } from "./facts/index.js";
export type { LinuxDistributionInfo } from "./facts/server.js";
export type { Host, HostData, HostDataView } from "./host/host.js";
export type { GlobalArgsInput, OperationArgs } from "./operations/arg-types.js";

// What an operation call returns; `changed` is known once infra-action has planned it.
export interface OperationResult {
  readonly name: string;
  readonly changed: boolean;
}

type Family<P extends string> = {
  [K in keyof OperationArgs as K extends `${P}.${infer Op}` ? Op : never]: (
    args: OperationArgs[K] & GlobalArgsInput,
  ) => OperationResult;
};

function unboundFamily<P extends string>(family: P, names: string[]): Family<P> {
  return Object.fromEntries(
    names.map((name) => [
      name,
      () => {
        throw new Error(
          `${family}.${name} can only be called in a deploy file that infra-action runs (infra-action plan/apply).`,
        );
      },
    ]),
  ) as unknown as Family<P>;
}

// The host the running deploy file is executing for.
export const host: Host = unboundHost;
export const server = unboundFamily("server", [
  "shell",
  "script",
  "user",
  "group",
  "packages",
  "service",
  "hostname",
  "sysctl",
  "crontab",
  "reboot",
  "wait",
]);
export const apt = unboundFamily("apt", ["packages", "update", "upgrade", "repo", "key"]);
export const dnf = unboundFamily("dnf", ["packages"]);
export const yum = unboundFamily("yum", ["packages"]);
export const apk = unboundFamily("apk", ["packages"]);
export const files = unboundFamily("files", [
  "file",
  "directory",
  "put",
  "template",
  "line",
  "replace",
  "link",
  "get",
  "download",
  "sync",
]);
export const git = unboundFamily("git", ["repo", "config"]);
export const pip = unboundFamily("pip", ["packages", "venv"]);
export const systemd = unboundFamily("systemd", ["service", "daemon_reload"]);
