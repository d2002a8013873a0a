// apt.update: refresh the package lists unless they are recent enough.
import { AptListsAge } from "../../facts/packages.js";
import { change, defineOperation, noop } from "../operation.js";
import { optionalNumber, rejectUnknown } from "../shared/args.js";

export const update = defineOperation({
  name: "apt.update",
  description: "Refresh the package lists (apt-get update), unless they are younger than cache_time seconds.",
  validate: (args) => {
    rejectUnknown(args, ["cache_time"], "apt.update");
    return { cacheTime: optionalNumber(args, "cache_time") };
  },
  facts: () => [{ fact: AptListsAge }],
  plan: (args, facts) => {
    const age = facts.get(AptListsAge);
    if (args.cacheTime !== undefined && age !== null && age <= args.cacheTime) {
      return noop(`package lists are ${age}s old (cache_time ${args.cacheTime}s)`);
    }
    return change(["apt-get update"]);
  },
});
