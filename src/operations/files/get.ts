// files.get: a file of the host downloaded to this machine when the local copy differs.
import { Sha256File } from "../../facts/files.js";
import { sha256 } from "../../util/sha256.js";
import { change, defineOperation, noop } from "../operation.js";
import { OperationArgumentError, rejectUnknown, requiredString } from "../shared/args.js";

export const get = defineOperation({
  name: "files.get",
  description: "Download a file from the host to this machine when the local copy differs.",
  validate: (args) => {
    rejectUnknown(args, ["src", "dest"], "files.get");
    return { src: requiredString(args, "src"), dest: requiredString(args, "dest") };
  },
  prepare: async (args, context) => ({ local: await context.readLocalFileIfExists(args.dest) }),
  facts: (args) => [{ fact: Sha256File, args: { path: args.src } }],
  plan: (args, facts, prepared) => {
    const remote = facts.get(Sha256File, { path: args.src });
    if (remote === null)
      throw new OperationArgumentError(`src ${args.src} does not exist on the host (or cannot be read).`);
    if (prepared.local && sha256(prepared.local) === remote) return noop(`${args.dest} already matches ${args.src}`);
    return change([{ type: "get", path: args.src, local: args.dest }]);
  },
});
