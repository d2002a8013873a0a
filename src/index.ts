// The public API deploy files import: `import { host, apt, files, server } from "infra-action"`.
// Outside a deploy run these members only explain themselves; infra-action binds them per host.

import { currentBoundApi } from "./host/deploy-group.js";
import type { Host } from "./host/host.js";
import { unboundHost } from "./host/instances.js";
import type { OperationCall } from "./host/operation-call.js";
import type { OperationFamilies } from "./operations/arg-types.js";
import { operationFamilies } from "./operations/index.js";

export type { AuthorizedKeysArgs } from "./facts/access.js";
export type { DebPackageArgs, DebPackageInfo } from "./facts/deb-package.js";
export type { DockerObject, DockerObjectArgs } from "./facts/docker.js";
export type { Fact, FactArgument, FactOutput } from "./facts/fact.js";
// Writing your own facts and operations, as the built-in ones are written.
export { defineFact } from "./facts/fact.js";
// Testing your operations and facts with JSON fixture files, as infra-action tests its own.
export { checkFactFixture, type FactFixture, runFactFixture } from "./facts/fixture-harness.js";
export type { BlockDeviceInfo } from "./facts/hardware.js";
export type { FactArgs, FactName, FactResult } from "./facts/index.js";
export type { IpAddress, IpAddresses, NetworkDeviceInfo } from "./facts/network.js";
export type { LinuxDistributionInfo } from "./facts/server.js";
export type { KernelModuleInfo, LsbReleaseInfo, ProcessInfo, SecurityLimit } from "./facts/system.js";
export type { PathOwnership, UserAuthorizedKeysInfo } from "./facts/users.js";
export type { ConnectorData, GlobalArgsData, SshData } from "./host/connector-data.js";
// pyinfra's @deploy: a reusable function whose operations are grouped under its name.
export { deploy } from "./host/deploy-group.js";
export type { Host, HostData, HostDataView } from "./host/host.js";
export type { OperationCall } from "./host/operation-call.js";
export type {
  CheckData,
  CheckHostName,
  CheckHostSpec,
  CheckHosts,
  InventoryData,
  InventoryHost,
} from "./host/typed-inventory.js";
// Typed inventories: each returns its argument unchanged; tsc checks host specs and data keys.
export { data, group, hosts } from "./host/typed-inventory.js";
export type { GlobalArgsInput, OperationArgs, OperationFamilies } from "./operations/arg-types.js";
export {
  checkOperationFixture,
  type FixtureOutcome,
  type OperationFixture,
  runOperationFixture,
} from "./operations/fixture-harness.js";
export type {
  Command,
  FactLookup,
  FactNeed,
  Operation,
  OperationCallArgs,
  OperationDefinition,
  OperationPlan,
  OperationResult,
  PrepareContext,
} from "./operations/operation.js";
export { change, defineOperation, noop } from "./operations/operation.js";
export { shellQuote } from "./util/shell-quote.js";

// Mapped over the family's own interface (not renamed keys) so that editors show each operation's doc.
type Family<P extends string> = P extends keyof OperationFamilies ? FamilyOf<OperationFamilies[P]> : never;
type FamilyOf<Ops> = {
  [K in keyof Ops]: OperationCall<Ops[K]>;
};

// Outside a deploy file's own evaluation (a deploy package imported from node_modules is evaluated once),
// a call goes to the API of the host whose deploy code is running; with none, it explains itself.
function unboundFamily<P extends keyof typeof operationFamilies & string>(family: P): Family<P> {
  return Object.fromEntries(
    Object.keys(operationFamilies[family]).map((name) => [
      name,
      (args?: unknown) => {
        const bound = currentBoundApi()?.[family] as Record<string, (args?: unknown) => unknown> | undefined;
        if (bound?.[name]) return bound[name](args);
        throw new Error(
          `${family}.${name} can only be called in a deploy file that infra-action runs (infra-action plan/apply).`,
        );
      },
    ]),
  ) as unknown as Family<P>;
}

// The host the running deploy file is executing for.
export const host: Host = unboundHost;
export const server = unboundFamily("server");
export const apt = unboundFamily("apt");
export const dnf = unboundFamily("dnf");
export const yum = unboundFamily("yum");
export const apk = unboundFamily("apk");
export const pacman = unboundFamily("pacman");
export const zypper = unboundFamily("zypper");
export const files = unboundFamily("files");
export const git = unboundFamily("git");
export const pip = unboundFamily("pip");
export const systemd = unboundFamily("systemd");
export const docker = unboundFamily("docker");
export const mysql = unboundFamily("mysql");
