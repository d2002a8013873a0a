// server.sysctl: a kernel parameter, set now and (persist) in a sysctl file.

import { isUnreadable } from "../../facts/fact.js";
import { FileContents } from "../../facts/files.js";
import { parseSysctlValue, Sysctl } from "../../facts/server.js";
import { shellQuote } from "../../util/shell-quote.js";
import { CannotTell, type Command, change, defineOperation, noop } from "../operation.js";
import {
  booleanArg,
  OperationArgumentError,
  optionalString,
  refuseLineBreak,
  rejectUnknown,
  requiredString,
} from "../shared/args.js";
import { remoteText } from "../shared/remote-text.js";
import { writeFileCommands } from "../shared/write-file.js";

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
    // A key sysctl -a would not read (another user's) is not an absent one.
    if (isUnreadable(current)) throw new CannotTell(current.unreadable);
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
