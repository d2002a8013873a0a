// apt.ppa: an Ubuntu PPA added (or removed) with add-apt-repository.
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation } from "../operation.js";
import { booleanArg, OperationArgumentError, rejectUnknown, requiredString } from "../shared/args.js";

export const ppa = defineOperation({
  name: "apt.ppa",
  description: "Add (or remove) an Ubuntu PPA with add-apt-repository (always a change, as in pyinfra).",
  validate: (args) => {
    rejectUnknown(args, ["src", "present"], "apt.ppa");
    const src = requiredString(args, "src");
    if (!/^ppa:[A-Za-z0-9][A-Za-z0-9._+-]*\/[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(src))
      throw new OperationArgumentError(`argument src must name a PPA as "ppa:<owner>/<name>" ("${src}").`);
    return { src, present: booleanArg(args, "present", true) };
  },
  facts: () => [],
  plan: (args) =>
    change([`add-apt-repository -y${args.present ? "" : " --remove"} ${shellQuote(args.src)}`], {
      reason: `${args.present ? "add" : "remove"} ${args.src}`,
    }),
});
