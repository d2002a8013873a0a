// apt.*: Debian and Ubuntu packages, package lists, upgrades, repositories and keys.
import { posix } from "node:path";
import { shellQuote } from "../connectors/shell.js";
import { File, FileContents } from "../facts/files.js";
import { AptListsAge, AptUpgradable, DebPackages } from "../facts/packages.js";
import {
  booleanArg,
  OperationArgumentError,
  optionalNumber,
  optionalString,
  rejectUnknown,
  requiredString,
} from "./args.js";
import { parentDirectoryCommand, remoteText, writeFileCommands } from "./files/shared.js";
import { change, defineOperation, noop } from "./operation.js";
import { aptCommands, planPackages, readPackageArgs } from "./packages.js";

export const packages = defineOperation({
  name: "apt.packages",
  description:
    "Install (present), remove (present: false) or upgrade (latest) Debian packages; update refreshes the lists first.",
  validate: (args) => readPackageArgs(args, "apt.packages"),
  facts: (args) => [
    { fact: DebPackages },
    ...(args.latest ? [{ fact: AptUpgradable, args: { dist: false } }] : []),
    ...(args.cacheTime !== undefined ? [{ fact: AptListsAge }] : []),
  ],
  plan: (args, facts) =>
    planPackages(
      args,
      facts.get(DebPackages),
      aptCommands,
      args.latest ? facts.get(AptUpgradable, { dist: false }) : [],
      args.cacheTime !== undefined ? facts.get(AptListsAge) : null,
    ),
});

export const update = defineOperation({
  name: "apt.update",
  description: "Refresh the package lists (apt-get update), unless they are younger than cache_time seconds.",
  validate: (args) => {
    rejectUnknown(args, ["cache_time"], "apt.update");
    return { cacheTime: optionalNumber(args, "cache_time") };
  },
  facts: () => [{ fact: AptListsAge }],
  plan: (args, facts) => {
    const age = facts.get(AptListsAge);
    if (args.cacheTime !== undefined && age !== null && age <= args.cacheTime) {
      return noop(`package lists are ${age}s old (cache_time ${args.cacheTime}s)`);
    }
    return change(["apt-get update"]);
  },
});

export const upgrade = defineOperation({
  name: "apt.upgrade",
  description: "Upgrade installed packages (dist_upgrade: also install or remove what upgrades need).",
  validate: (args) => {
    rejectUnknown(args, ["auto_remove", "dist_upgrade"], "apt.upgrade");
    return { autoRemove: booleanArg(args, "auto_remove", false), dist: booleanArg(args, "dist_upgrade", false) };
  },
  facts: (args) => [{ fact: AptUpgradable, args: { dist: args.dist } }],
  plan: (args, facts) => {
    const pending = facts.get(AptUpgradable, { dist: args.dist });
    if (pending.length === 0) return noop("no packages to upgrade");
    const upgradeCommand = `DEBIAN_FRONTEND=noninteractive apt-get ${args.dist ? "dist-upgrade" : "upgrade"} -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold`;
    return change(
      [upgradeCommand, ...(args.autoRemove ? ["DEBIAN_FRONTEND=noninteractive apt-get autoremove -y"] : [])],
      {
        reason: `upgrade ${pending.join(", ")}`,
      },
    );
  },
});

export const repo = defineOperation({
  name: "apt.repo",
  description: "Add (or remove) an APT source line in /etc/apt/sources.list.d/<filename>.list.",
  validate: (args) => {
    rejectUnknown(args, ["src", "present", "filename"], "apt.repo");
    const src = requiredString(args, "src");
    const filename =
      optionalString(args, "filename") ??
      src
        .replace(/^deb(-src)?\s+(\[[^\]]*\]\s+)?/, "")
        .replace(/[^A-Za-z0-9]+/g, "_")
        .replace(/^_|_$/g, "")
        .slice(0, 60);
    if (!/^[A-Za-z0-9_.-]+$/.test(filename))
      throw new OperationArgumentError("argument filename may hold letters, digits, _, . and - only.");
    return { src, present: booleanArg(args, "present", true), path: `/etc/apt/sources.list.d/${filename}.list` };
  },
  facts: (args) => [{ fact: FileContents, args: { path: args.path } }],
  plan: (args, facts) => {
    const remote = facts.get(FileContents, { path: args.path });
    const text = remoteText(args.path, remote) ?? "";
    const lines = text.split("\n").filter((l) => l !== "");
    const has = lines.includes(args.src);
    if (args.present === has) return noop(`${args.path} ${has ? "already has" : "does not have"} ${args.src}`);
    const next = args.present ? [...lines, args.src] : lines.filter((l) => l !== args.src);
    const written = writeFileCommands(args.path, Buffer.from(next.length ? `${next.join("\n")}\n` : ""), remote, {
      createRemoteDir: true,
      mode: "644",
    });
    return written ? change(written.commands, { diff: written.diff }) : noop(`${args.path} is up to date`);
  },
});

export const key = defineOperation({
  name: "apt.key",
  description: "Download a repository signing key to a keyring file (for signed-by=), unless it is there.",
  validate: (args) => {
    rejectUnknown(args, ["src", "dest"], "apt.key");
    const src = requiredString(args, "src");
    const dest =
      optionalString(args, "dest") ??
      `/etc/apt/keyrings/${posix.basename(new URL(src, "file:///").pathname) || "key.asc"}`;
    return { src, dest };
  },
  facts: (args) => [{ fact: File, args: { path: args.dest } }],
  plan: (args, facts) => {
    if (facts.get(File, { path: args.dest })) return noop(`key ${args.dest} is already present`);
    const url = shellQuote(args.src);
    const dest = shellQuote(args.dest);
    return change([
      parentDirectoryCommand(args.dest),
      `t=$(mktemp) && { curl -fsSL -o "$t" ${url} || wget -q -O "$t" ${url}; } && chmod 644 "$t" && mv -f "$t" ${dest}`,
    ]);
  },
});
