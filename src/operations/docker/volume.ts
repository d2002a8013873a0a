// docker.volume: a volume exists (created with its driver and labels), or it does not.
import { DockerVolume } from "../../facts/docker.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, rejectUnknown } from "../shared/args.js";
import { dockerName, optionList, wordArg } from "./docker-args.js";

interface VolumeArgs {
  volume: string;
  driver?: string;
  labels: string[];
  present: boolean;
}

export const volume = defineOperation<VolumeArgs>({
  name: "docker.volume",
  description: "Make sure a Docker volume exists (created with driver and labels) or, with present: false, does not.",
  validate: (args) => {
    rejectUnknown(args, ["volume", "driver", "labels", "present"], "docker.volume");
    return {
      volume: dockerName(args, "volume", "volume"),
      driver: wordArg(args, "driver", '"local"'),
      labels: optionList(args, "labels", '"team=web"') ?? [],
      present: booleanArg(args, "present", true),
    };
  },
  facts: (args) => [{ fact: DockerVolume, args: { object_id: args.volume } }],
  plan: (args, facts) => {
    const name = shellQuote(args.volume);
    const existing = facts.get(DockerVolume, { object_id: args.volume });
    if (!args.present) {
      if (!existing) return noop(`volume ${args.volume} does not exist`);
      return change([`docker volume rm -- ${name}`], { reason: "remove" });
    }
    // An existing volume is kept as it is: re-creating it would lose its data.
    if (existing) return noop(`volume ${args.volume} exists`);
    const words = ["docker volume create"];
    if (args.driver) words.push(`--driver ${shellQuote(args.driver)}`);
    for (const label of args.labels) words.push(`--label ${shellQuote(label)}`);
    return change([[...words, "--", name].join(" ")], { reason: "create" });
  },
});
