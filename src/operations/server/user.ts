// server.user: a user with its home, shell, groups, uid and comment (or no such user).

import { Users } from "../../facts/server.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
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
