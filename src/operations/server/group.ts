// server.group: a group (or no such group).

import { Groups } from "../../facts/server.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { accountName, booleanArg, optionalNumber, rejectUnknown, requiredString } from "../shared/args.js";

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
