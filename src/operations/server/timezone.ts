// server.timezone: the host's time zone (/etc/localtime linked into /usr/share/zoneinfo, and /etc/timezone where it exists).

import { isUnreadable } from "../../facts/fact.js";
import { FileContents, Link } from "../../facts/files.js";
import { shellQuote } from "../../util/shell-quote.js";
import { type Command, change, defineOperation, noop } from "../operation.js";
import { OperationArgumentError, rejectUnknown, requiredString } from "../shared/args.js";
import { remoteText } from "../shared/remote-text.js";

const zoneinfo = "/usr/share/zoneinfo";

export const timezone = defineOperation({
  name: "server.timezone",
  description: "Set the host's time zone (/etc/localtime, and /etc/timezone where it exists).",
  validate: (args) => {
    rejectUnknown(args, ["timezone"], "server.timezone");
    const zone = requiredString(args, "timezone");
    if (!/^[A-Za-z0-9_+-]+(\/[A-Za-z0-9_+-]+)*$/.test(zone) || zone.startsWith("-"))
      throw new OperationArgumentError(
        `argument timezone ${JSON.stringify(zone)} is not a time zone name: give one such as "Europe/Paris" or "Etc/UTC".`,
      );
    return { timezone: zone };
  },
  facts: () => [
    { fact: Link, args: { path: "/etc/localtime" } },
    { fact: FileContents, args: { path: "/etc/timezone" } },
  ],
  plan: (args, facts) => {
    const link = facts.get(Link, { path: "/etc/localtime" });
    const target = `${zoneinfo}/${args.timezone}`;
    const commands: Array<string | Command> = [];
    const linked = link && !isUnreadable(link) && link.link_target.replace(/^\.\.\//, "/") === target;
    if (!linked) {
      const t = shellQuote(target);
      commands.push(
        `if [ ! -f ${t} ]; then echo ${shellQuote(`time zone ${args.timezone} is not installed (${target} is missing): install tzdata or check the name.`)} >&2; exit 1; fi; ln -sf ${t} /etc/localtime`,
      );
    }
    const remote = facts.get(FileContents, { path: "/etc/timezone" });
    const text = remote ? remoteText("/etc/timezone", remote) : null;
    if (text !== null && text.trim() !== args.timezone) {
      commands.push({
        type: "file",
        path: "/etc/timezone",
        content: Buffer.from(`${args.timezone}\n`).toString("base64"),
        mode: remote ? String(remote.mode) : "644",
      });
    }
    return commands.length ? change(commands) : noop(`the time zone is already ${args.timezone}`);
  },
});
