// runit.manage: a runit service linked into the service directory runsvdir watches (or not).
import { Link } from "../../facts/files.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, rejectUnknown } from "../shared/args.js";
import { linkPath, manageCommand, readRunitPaths, sourcePath } from "../shared/runit-args.js";

export const manage = defineOperation({
  name: "runit.manage",
  description:
    "Link a runit service into the service directory (svdir) so that runsv supervises it (managed false: unlink it).",
  validate: (args) => {
    rejectUnknown(args, ["service", "managed", "svdir", "sourcedir"], "runit.manage");
    return { ...readRunitPaths(args), managed: booleanArg(args, "managed", true) };
  },
  facts: (args) => [{ fact: Link, args: { path: linkPath(args) } }],
  plan: (args, facts) => {
    const command = manageCommand(args, args.managed, facts.get(Link, { path: linkPath(args) }));
    if (command) return change([command]);
    return noop(
      args.managed
        ? `${linkPath(args)} already points at ${sourcePath(args)}`
        : `runit service ${args.service} is not linked into ${args.svdir}`,
    );
  },
});
