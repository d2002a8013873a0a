// server.security_limit: one "domain type item value" line in /etc/security/limits.conf.

import { FileContents } from "../../facts/files.js";
import { change, defineOperation, noop } from "../operation.js";
import { OperationArgumentError, rejectUnknown, requiredString } from "../shared/args.js";
import { remoteText } from "../shared/remote-text.js";
import { writeFileCommands } from "../shared/write-file.js";

const limitsFile = "/etc/security/limits.conf";

export const security_limit = defineOperation({
  name: "server.security_limit",
  description: "Set a pam_limits line (domain, limit_type, item, value) in /etc/security/limits.conf.",
  validate: (args) => {
    rejectUnknown(args, ["domain", "limit_type", "item", "value"], "server.security_limit");
    const value = args.value;
    if (typeof value !== "string" && typeof value !== "number")
      throw new OperationArgumentError('argument value must be a number or a word such as "unlimited".');
    const fields = {
      domain: limitWord("domain", requiredString(args, "domain"), '"*", "@admins" or a user name'),
      limitType: limitWord("limit_type", requiredString(args, "limit_type"), '"soft", "hard" or "-"'),
      item: limitWord("item", requiredString(args, "item"), '"nofile", "nproc", "memlock", …'),
      value: limitWord("value", String(value), '65535 or "unlimited"'),
    };
    if (!["soft", "hard", "-"].includes(fields.limitType))
      throw new OperationArgumentError(
        `argument limit_type ${JSON.stringify(fields.limitType)} must be "soft", "hard" or "-" (both).`,
      );
    return fields;
  },
  facts: () => [{ fact: FileContents, args: { path: limitsFile } }],
  plan: (args, facts) => {
    const remote = facts.get(FileContents, { path: limitsFile });
    const text = remoteText(limitsFile, remote) ?? "";
    const line = `${args.domain}\t${args.limitType}\t${args.item}\t${args.value}`;
    const lines = text === "" ? [] : text.replace(/\n$/, "").split("\n");
    const index = lines.findIndex((l) => {
      const [domain, type, item] = l.trim().split(/\s+/);
      return !l.trim().startsWith("#") && domain === args.domain && type === args.limitType && item === args.item;
    });
    const current = index < 0 ? undefined : lines[index]?.trim().split(/\s+/)[3];
    if (current === args.value) return noop(`${args.domain} ${args.limitType} ${args.item} is already ${args.value}`);
    const next = index < 0 ? [...lines, line] : lines.map((l, i) => (i === index ? line : l));
    const written = writeFileCommands(limitsFile, Buffer.from(`${next.join("\n")}\n`), remote, {
      createRemoteDir: remote === null,
    });
    return written
      ? change(written.commands, { diff: written.diff })
      : noop(`${args.domain} ${args.limitType} ${args.item} is already ${args.value}`);
  },
});

// One field of a limits.conf line: a word with no spaces that does not start a comment.
function limitWord(key: string, value: string, example: string): string {
  if (value === "" || /[\s#]/.test(value))
    throw new OperationArgumentError(
      `argument ${key} ${JSON.stringify(value)} must be one word (no spaces or "#"), such as ${example}.`,
    );
  return value;
}
