// docker.prune: remove stopped containers, unused networks, dangling (or all unused) images and build
// cache, and with volumes: true unused volumes (docker system prune). Always a change.
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation } from "../operation.js";
import { booleanArg, rejectUnknown } from "../shared/args.js";
import { optionList } from "./docker-args.js";

interface PruneArgs {
  all: boolean;
  volumes: boolean;
  filter: string[];
}

export const prune = defineOperation<PruneArgs>({
  name: "docker.prune",
  description:
    "Remove unused Docker data with docker system prune (all: every unused image; volumes: unused volumes too; always a change).",
  validate: (args) => {
    rejectUnknown(args, ["all", "volumes", "filter"], "docker.prune");
    return {
      all: booleanArg(args, "all", false),
      volumes: booleanArg(args, "volumes", false),
      filter: optionList(args, "filter", '"until=24h" or "label=keep!=true"') ?? [],
    };
  },
  facts: () => [],
  plan: (args) => {
    const words = ["docker system prune --force"];
    if (args.all) words.push("--all");
    if (args.volumes) words.push("--volumes");
    for (const filter of args.filter) words.push(`--filter ${shellQuote(filter)}`);
    // Docker cannot say beforehand what it would remove: pruning is always reported as a change.
    return change([words.join(" ")], { reason: "prune" });
  },
});
