// runit.auto: whether runsv starts a runit service by itself (no down file) or not (a down file).
import { File } from "../../facts/files.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, rejectUnknown } from "../shared/args.js";
import { autoCommand, downPath, readRunitPaths } from "../shared/runit-args.js";

export const auto = defineOperation({
  name: "runit.auto",
  description:
    "Make runsv start a runit service by itself (auto false: add its down file so that it waits to be started).",
  validate: (args) => {
    rejectUnknown(args, ["service", "auto", "sourcedir"], "runit.auto");
    return { ...readRunitPaths(args), auto: booleanArg(args, "auto", true) };
  },
  facts: (args) => [{ fact: File, args: { path: downPath(args) } }],
  plan: (args, facts) => {
    const down = facts.get(File, { path: downPath(args) }) !== null;
    const command = autoCommand(args, args.auto, down);
    if (command) return change([command]);
    return noop(`runit service ${args.service} ${args.auto ? "starts by itself" : "has its down file"}`);
  },
});
