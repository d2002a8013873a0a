// server.*: shell commands and scripts, users and groups, packages, services, hostname, sysctl,
// crontab, reboot and waiting for a port.
import { shellQuote } from "../connectors/shell.js";
import { FileContents } from "../facts/files.js";
import { ApkPackages, DebPackages, PackageManager, RpmPackages } from "../facts/packages.js";
import { Crontab, Groups, Hostname, parseSysctlValue, Sysctl, Users, Which } from "../facts/server.js";
import { InitdRunning, ListeningPorts, SystemdEnabled, SystemdStatus } from "../facts/services.js";
import {
  accountName,
  booleanArg,
  checkAccountName,
  OperationArgumentError,
  optionalBoolean,
  optionalNumber,
  optionalString,
  refuseLineBreak,
  rejectUnknown,
  requiredString,
  stringList,
} from "./args.js";
import { remoteText, sha256, writeFileCommands } from "./files/shared.js";
import { type Command, change, defineOperation, noop } from "./operation.js";
import {
  apkCommands,
  aptCommands,
  dnfCommands,
  packageKeys,
  planPackages,
  readPackageArgs,
  yumCommands,
} from "./packages.js";
import { planSystemdService, readServiceArgs, serviceActions, serviceKeys } from "./systemd.js";

export const shell = defineOperation({
  name: "server.shell",
  description: "Run shell commands (always a change: infra-action cannot know what they do).",
  validate: (args) => {
    rejectUnknown(args, ["commands"], "server.shell");
    return { commands: stringList(args, "commands", { required: true }) };
  },
  facts: () => [],
  plan: (args) => change(args.commands),
});

export const script = defineOperation({
  name: "server.script",
  description: "Upload a local script and run it (always a change).",
  validate: (args) => {
    rejectUnknown(args, ["src", "args"], "server.script");
    return { src: requiredString(args, "src"), args: stringList(args, "args") };
  },
  prepare: async (args, context) => ({ content: await context.readLocalFile(args.src) }),
  facts: () => [],
  plan: (args, _facts, prepared) => {
    // Named after the script's local path, not its content (a content hash would let a reader of
    // the plan guess a secret in the script).
    const path = `/tmp/infra-action-script-${sha256(Buffer.from(args.src)).slice(0, 16)}`;
    return change([
      { type: "file", path, content: prepared.content.toString("base64"), mode: "700" },
      `${shellQuote(path)}${args.args.map((a) => ` ${shellQuote(a)}`).join("")}; rc=$?; rm -f ${shellQuote(path)}; exit $rc`,
    ]);
  },
});

const userKeys = [
  "user",
  "present",
  "home",
  "shell",
  "group",
  "groups",
  "append",
  "uid",
  "system",
  "comment",
  "create_home",
];
export const user = defineOperation({
  name: "server.user",
  description: "Make sure a user exists (with its home, shell, groups, uid, comment) or does not.",
  validate: (args) => {
    rejectUnknown(args, userKeys, "server.user");
    const name = requiredString(args, "user");
    checkAccountName(name, "user", "user");
    if (!/^[a-z_][a-z0-9_.-]*\$?$/i.test(name))
      throw new OperationArgumentError(`argument user ${JSON.stringify(name)} is not a valid user name.`);
    const groups = args.groups === undefined ? undefined : stringList(args, "groups");
    for (const g of groups ?? []) checkAccountName(g, "groups", "group");
    return {
      user: name,
      present: booleanArg(args, "present", true),
      home: optionalString(args, "home"),
      shell: optionalString(args, "shell"),
      group: accountName(args, "group"),
      groups,
      append: booleanArg(args, "append", false),
      uid: optionalNumber(args, "uid"),
      system: booleanArg(args, "system", false),
      comment: optionalString(args, "comment"),
      createHome: booleanArg(args, "create_home", true),
    };
  },
  facts: () => [{ fact: Users }],
  plan: (args, facts) => {
    const current = facts.get(Users)[args.user];
    const u = shellQuote(args.user);
    if (!args.present) return current ? change([`userdel ${u}`]) : noop(`user ${args.user} does not exist`);
    const options: string[] = [];
    if (args.home && current?.home !== args.home) options.push(`-d ${shellQuote(args.home)}`);
    if (args.shell && current?.shell !== args.shell) options.push(`-s ${shellQuote(args.shell)}`);
    if (args.group && current?.group !== args.group) options.push(`-g ${shellQuote(args.group)}`);
    if (args.uid !== undefined && current?.uid !== args.uid) options.push(`-u ${args.uid}`);
    if (args.comment !== undefined && current?.comment !== args.comment) options.push(`-c ${shellQuote(args.comment)}`);
    const wantedGroups = args.groups ?? [];
    const groupsDiffer =
      args.groups !== undefined &&
      (args.append
        ? wantedGroups.some((g) => !current?.groups.includes(g))
        : [...wantedGroups].sort().join() !== [...(current?.groups ?? [])].sort().join());
    if (groupsDiffer && wantedGroups.length)
      options.push(`${args.append && current ? "-a " : ""}-G ${shellQuote(wantedGroups.join(","))}`);
    if (!current) {
      const create = [args.system ? "-r" : "", args.createHome ? "-m" : "-M", ...options].filter(Boolean).join(" ");
      return change([`useradd ${create} ${u}`]);
    }
    if (options.length === 0) return noop(`user ${args.user} exists with the requested settings`);
    return change([`usermod ${options.join(" ")} ${u}`]);
  },
});

export const group = defineOperation({
  name: "server.group",
  description: "Make sure a group exists (or does not).",
  validate: (args) => {
    rejectUnknown(args, ["group", "present", "system", "gid"], "server.group");
    requiredString(args, "group");
    return {
      group: accountName(args, "group") as string,
      present: booleanArg(args, "present", true),
      system: booleanArg(args, "system", false),
      gid: optionalNumber(args, "gid"),
    };
  },
  facts: () => [{ fact: Groups }],
  plan: (args, facts) => {
    const exists = facts.get(Groups).includes(args.group);
    const g = shellQuote(args.group);
    if (!args.present) return exists ? change([`groupdel ${g}`]) : noop(`group ${args.group} does not exist`);
    if (exists) return noop(`group ${args.group} exists`);
    return change([
      ["groupadd", args.system ? "-r" : "", args.gid !== undefined ? `-g ${args.gid}` : "", g]
        .filter(Boolean)
        .join(" "),
    ]);
  },
});

export const packages = defineOperation({
  name: "server.packages",
  description: "Install or remove packages with the host's package manager (apt, dnf, yum or apk).",
  validate: (args) => readPackageArgs(args, "server.packages", packageKeys),
  facts: () => [{ fact: PackageManager }, { fact: DebPackages }, { fact: RpmPackages }, { fact: ApkPackages }],
  plan: (args, facts) => {
    const manager = facts.get(PackageManager);
    switch (manager) {
      case "apt":
        return planPackages(args, facts.get(DebPackages), aptCommands);
      case "dnf":
        return planPackages(args, facts.get(RpmPackages), dnfCommands);
      case "yum":
        return planPackages(args, facts.get(RpmPackages), yumCommands);
      case "apk":
        return planPackages(args, facts.get(ApkPackages), apkCommands);
      default:
        throw new OperationArgumentError(
          "the host has none of apt-get, dnf, yum or apk; use server.shell to install packages.",
        );
    }
  },
});

export const service = defineOperation({
  name: "server.service",
  description: "Start, stop, restart or reload a service with systemd when it runs, else its /etc/init.d script.",
  validate: (args) => readServiceArgs(args, "server.service", serviceKeys),
  facts: (args) => [
    { fact: Which, args: { command: "systemctl" } },
    { fact: SystemdStatus },
    { fact: SystemdEnabled },
    { fact: InitdRunning, args: { service: args.service } },
  ],
  plan: (args, facts) => {
    const systemd =
      facts.get(Which, { command: "systemctl" }) !== null && Object.keys(facts.get(SystemdStatus)).length > 0;
    if (systemd) return planSystemdService(args, facts.get(SystemdStatus), facts.get(SystemdEnabled));
    const running = facts.get(InitdRunning, { service: args.service });
    if (running === null)
      throw new OperationArgumentError(
        `service ${args.service}: no systemd and no /etc/init.d/${args.service} on the host.`,
      );
    const script = `/etc/init.d/${shellQuote(args.service)}`;
    const commands = serviceActions(args, running, (verb) => `${script} ${verb}`);
    return commands.length ? change(commands) : noop(`service ${args.service} is ${running ? "running" : "stopped"}`);
  },
});

export const hostname = defineOperation({
  name: "server.hostname",
  description: "Set the host's name (and /etc/hostname).",
  validate: (args) => {
    rejectUnknown(args, ["hostname"], "server.hostname");
    const name = requiredString(args, "hostname");
    if (!/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(name))
      throw new OperationArgumentError(`argument hostname ${JSON.stringify(name)} is not a valid host name.`);
    return { hostname: name };
  },
  facts: () => [{ fact: Hostname }],
  plan: (args, facts) => {
    if (facts.get(Hostname) === args.hostname) return noop(`hostname is already ${args.hostname}`);
    const h = shellQuote(args.hostname);
    return change([
      `if command -v hostnamectl >/dev/null 2>&1 && hostnamectl set-hostname ${h} 2>/dev/null; then :; else hostname ${h}; fi`,
      `echo ${h} > /etc/hostname`,
    ]);
  },
});

export const sysctl = defineOperation({
  name: "server.sysctl",
  description: "Set a kernel parameter (persist: also in persist_file).",
  validate: (args) => {
    rejectUnknown(args, ["key", "value", "persist", "persist_file"], "server.sysctl");
    const value = args.value;
    if (value === undefined || (typeof value !== "string" && typeof value !== "number" && !Array.isArray(value))) {
      throw new OperationArgumentError("argument value must be a number, a string or a list of numbers.");
    }
    refuseLineBreak(args, "value", "A line break would add another setting to the file: remove it.");
    const key = requiredString(args, "key");
    checkSysctlKey(key);
    return {
      key,
      value: Array.isArray(value) ? value.join(" ") : String(value),
      persist: booleanArg(args, "persist", false),
      persistFile: optionalString(args, "persist_file") ?? "/etc/sysctl.conf",
    };
  },
  facts: (args) => [
    { fact: Sysctl },
    ...(args.persist ? [{ fact: FileContents, args: { path: args.persistFile } }] : []),
  ],
  plan: (args, facts) => {
    const current = facts.get(Sysctl)[args.key];
    const wanted = parseSysctlValue(args.value);
    const commands: Array<string | Command> = [];
    if (JSON.stringify(current) !== JSON.stringify(wanted))
      commands.push(`sysctl -w ${shellQuote(`${args.key}=${args.value}`)}`);
    if (args.persist) {
      const remote = facts.get(FileContents, { path: args.persistFile });
      const text = remoteText(args.persistFile, remote) ?? "";
      const line = `${args.key} = ${args.value}`;
      const lines = text.split("\n").filter((l, i, all) => l !== "" || i < all.length - 1);
      const index = lines.findIndex((l) => settingKey(l) === args.key);
      if (index < 0 || lines[index] !== line) {
        const next = index < 0 ? [...lines, line] : lines.map((l, i) => (i === index ? line : l));
        const written = writeFileCommands(args.persistFile, Buffer.from(`${next.join("\n")}\n`), remote, {
          createRemoteDir: true,
        });
        if (written) commands.push(...written.commands);
      }
    }
    return commands.length ? change(commands) : noop(`${args.key} is already ${args.value}`);
  },
});

// A kernel parameter name is one word that `sysctl -w` cannot take for an option or split at "=".
function checkSysctlKey(key: string): void {
  const separator = /[\s=]/.exec(key)?.[0];
  const bad = key.startsWith("-") ? 'starts with "-"' : separator ? `holds ${JSON.stringify(separator)}` : "";
  if (bad)
    throw new OperationArgumentError(
      `argument key ${JSON.stringify(key)} is not a kernel parameter name: it ${bad}. Give a name such as "net.ipv4.ip_forward".`,
    );
}

// The key a sysctl.conf line sets ("net.ipv4.ip_forward = 1" → "net.ipv4.ip_forward"), compared as
// text: keys may hold characters that mean something in a regular expression.
function settingKey(line: string): string | undefined {
  const equals = line.indexOf("=");
  const key = equals < 0 ? "" : line.slice(0, equals).trim();
  return key === "" || key.startsWith("#") || key.startsWith(";") ? undefined : key;
}

const cronKeys = [
  "command",
  "present",
  "user",
  "minute",
  "hour",
  "month",
  "day_of_week",
  "day_of_month",
  "special_time",
];
const scheduleKeys = ["minute", "hour", "day_of_month", "month", "day_of_week"] as const;
const specialTimes = ["@reboot", "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];
export const crontab = defineOperation({
  name: "server.crontab",
  description: "Make sure a crontab entry exists with its schedule (or does not).",
  validate: (args) => {
    rejectUnknown(args, cronKeys, "server.crontab");
    // Every field lands in one crontab line: a line break in any of them would add another entry.
    for (const key of cronKeys) refuseLineBreak(args, key, "A line break would add another crontab entry: remove it.");
    const field = (key: string) => {
      const value = optionalString(args, key) ?? "*";
      if (/\s/.test(value))
        throw new OperationArgumentError(
          `argument ${key} ${JSON.stringify(value)} holds a space: a schedule field is one cron field such as "*/5" or "0,30".`,
        );
      return value;
    };
    const specialTime = optionalString(args, "special_time");
    if (specialTime !== undefined && !specialTimes.includes(specialTime))
      throw new OperationArgumentError(
        `argument special_time must be one of ${specialTimes.join(", ")}; it is ${JSON.stringify(specialTime)}.`,
      );
    return {
      command: requiredString(args, "command"),
      present: booleanArg(args, "present", true),
      user: accountName(args, "user"),
      schedule: Object.fromEntries(scheduleKeys.map((key) => [key, field(key)])) as Record<
        (typeof scheduleKeys)[number],
        string
      >,
      specialTime,
    };
  },
  facts: (args) => [{ fact: Crontab, args: { user: args.user } }],
  plan: (args, facts) => {
    const entries = facts.get(Crontab, { user: args.user });
    const current = entries[args.command];
    const s = args.schedule;
    const line = args.specialTime
      ? `${args.specialTime} ${args.command}`
      : `${s.minute} ${s.hour} ${s.day_of_month} ${s.month} ${s.day_of_week} ${args.command}`;
    const u = args.user ? ` -u ${shellQuote(args.user)}` : "";
    const without = `crontab -l${u} 2>/dev/null | grep -vF -- ${shellQuote(args.command)}`;
    if (!args.present)
      return current
        ? change([`{ ${without} || true; } | crontab${u} -`])
        : noop(`no crontab entry runs ${args.command}`);
    const same =
      current &&
      (args.specialTime
        ? current.special_time === args.specialTime
        : !current.special_time && Object.entries(s).every(([k, v]) => current[k as keyof typeof s] === v));
    if (same) return noop(`crontab entry for ${args.command} is up to date`);
    return change([`{ ${without} || true; echo ${shellQuote(line)}; } | crontab${u} -`]);
  },
});

export const reboot = defineOperation({
  name: "server.reboot",
  description: "Reboot the host and wait for it to come back (always a change).",
  validate: (args) => {
    rejectUnknown(args, ["delay", "interval", "reboot_timeout"], "server.reboot");
    return {
      delay: optionalNumber(args, "delay") ?? 10,
      interval: optionalNumber(args, "interval") ?? 1,
      timeout: optionalNumber(args, "reboot_timeout") ?? 300,
    };
  },
  facts: () => [],
  plan: (args) => change([{ type: "reboot", delay: args.delay, interval: args.interval, timeout: args.timeout }]),
});

export const wait = defineOperation({
  name: "server.wait",
  description: "Wait until something listens on a TCP port of the host (at most timeout seconds).",
  validate: (args) => {
    rejectUnknown(args, ["port", "timeout"], "server.wait");
    const port = optionalNumber(args, "port");
    if (port === undefined || !Number.isInteger(port) || port < 1 || port > 65535)
      throw new OperationArgumentError("argument port must be a port number (1-65535).");
    return { port, timeout: optionalNumber(args, "timeout") ?? 60 };
  },
  facts: () => [{ fact: ListeningPorts }],
  plan: (args, facts) => {
    if (facts.get(ListeningPorts).includes(args.port)) return noop(`port ${args.port} is listening`);
    const hex = args.port.toString(16).toUpperCase().padStart(4, "0");
    const listening = `grep -qE '^ *[0-9]+: [0-9A-F]+:${hex} [0-9A-F]+:[0-9A-F]+ 0A ' /proc/net/tcp /proc/net/tcp6 2>/dev/null`;
    const seconds = Math.ceil(args.timeout);
    return change([
      `i=0; until ${listening}; do i=$((i+1)); [ $i -ge ${seconds} ] && { echo 'port ${args.port} is not listening after ${seconds}s' >&2; exit 1; }; sleep 1; done`,
    ]);
  },
});
