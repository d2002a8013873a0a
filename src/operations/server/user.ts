// server.user: a user with its home, shell, groups, uid and comment (or no such user).

import { type UserInfo, Users } from "../../facts/server.js";
import { UserAuthorizedKeys, UserPassword } from "../../facts/users.js";
import { sha256 } from "../../util/sha256.js";
import { shellQuote } from "../../util/shell-quote.js";
import { type Command, change, defineOperation, type FactLookup, type FactNeed, noop } from "../operation.js";
import {
  accountName,
  booleanArg,
  checkAccountName,
  OperationArgumentError,
  optionalNumber,
  optionalString,
  rejectUnknown,
  requiredString,
  stringList,
} from "../shared/args.js";
import { planAuthorizedKeys, readPublicKeys } from "../shared/authorized-keys.js";

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
  "public_keys",
  "delete_keys",
  "password",
  "ensure_home",
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
      publicKeys: args.public_keys === undefined ? undefined : readPublicKeys(args, "public_keys"),
      deleteKeys: booleanArg(args, "delete_keys", false),
      password: readPasswordHash(args),
      ensureHome: booleanArg(args, "ensure_home", false),
    };
  },
  facts: (args) => {
    const needs: FactNeed[] = [{ fact: Users }];
    if (!args.present) return needs;
    if (args.publicKeys || args.deleteKeys || args.ensureHome)
      needs.push({ fact: UserAuthorizedKeys, args: { user: args.user } });
    if (args.password !== undefined) needs.push({ fact: UserPassword, args: { user: args.user } });
    return needs;
  },
  plan: (args, facts) => {
    const current = facts.get(Users)[args.user];
    const u = shellQuote(args.user);
    if (!args.present) return current ? change([`userdel ${u}`]) : noop(`user ${args.user} does not exist`);
    const account = planAccount(args, current);
    const extra = planAccess(args, current, facts);
    const commands = [...account, ...extra.commands];
    if (commands.length === 0) return noop(`user ${args.user} exists with the requested settings`);
    return change(commands, extra.summary.length ? { reason: extra.summary.join(", ") } : {});
  },
});

type UserArgs = ReturnType<typeof user.validate>;
type Account = UserInfo;

// useradd for a new user, usermod for settings that differ, nothing when all match.
function planAccount(args: UserArgs, current: Account | undefined): string[] {
  const u = shellQuote(args.user);
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
    return [`useradd ${create} ${u}`];
  }
  return options.length ? [`usermod ${options.join(" ")} ${u}`] : [];
}

// The home directory (ensure_home), the password and the authorized keys: commands and what they do.
function planAccess(
  args: UserArgs,
  current: Account | undefined,
  facts: FactLookup,
): { commands: Array<Command | string>; summary: string[] } {
  const commands: Array<Command | string> = [];
  const summary: string[] = [];
  const keysInfo =
    args.publicKeys || args.deleteKeys || args.ensureHome ? facts.get(UserAuthorizedKeys, { user: args.user }) : null;
  const home = args.home ?? current?.home ?? `/home/${args.user}`;
  const group = args.group ?? current?.group ?? null;
  const owner = shellQuote(`${args.user}:${group ?? ""}`);
  if (args.ensureHome) {
    const dir = keysInfo && keysInfo.home === home ? keysInfo.homeDir : null;
    const madeByUseradd = !current && args.createHome;
    if (!dir && !madeByUseradd) {
      commands.push(`mkdir -p ${shellQuote(home)}`, `chown ${owner} ${shellQuote(home)}`);
      summary.push("home created");
    } else if (dir && (dir.user !== args.user || (group !== null && dir.group !== group))) {
      commands.push(`chown ${owner} ${shellQuote(home)}`);
    }
  }
  if (args.password !== undefined) {
    const hash = current ? facts.get(UserPassword, { user: args.user }) : null;
    if (hash !== args.password) {
      // The hash travels in a private file, never in a command a plan shows, and reaches chpasswd on its
      // stdin (never a command line another user of the host could read in /proc).
      const path = `/tmp/infra-action-password-${sha256(Buffer.from(args.user)).slice(0, 16)}`;
      const p = shellQuote(path);
      commands.push(
        { type: "file", path, content: Buffer.from(args.password).toString("base64"), mode: "600", created: true },
        `: password set; { printf '%s:' ${shellQuote(args.user)}; cat ${p}; echo; } | chpasswd -e; rc=$?; rm -f ${p}; exit $rc`,
      );
      summary.push("password set");
    }
  }
  if (args.publicKeys || args.deleteKeys) {
    const keys = planAuthorizedKeys(args.user, args.publicKeys ?? [], args.deleteKeys, keysInfo, args.home, group);
    commands.push(...keys.commands);
    summary.push(...keys.summary);
  }
  return { commands, summary };
}

// The password argument: a crypt hash ("$6$salt$…", "!" to lock) as one word; its value is never quoted in errors.
function readPasswordHash(args: Record<string, unknown>): string | undefined {
  const value = args.password;
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value === "" || /[\s:]/.test(value))
    throw new OperationArgumentError(
      "argument password must be a crypt hash such as the output of `openssl passwd -6` (one word, no spaces or colons); the value is not shown.",
    );
  return value;
}
