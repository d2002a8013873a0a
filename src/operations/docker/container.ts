// docker.container: a container exists with the configuration asked (re-created, saying what differs,
// when it does not), running or stopped; or it does not exist.
import { DockerContainer } from "../../facts/docker.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, rejectUnknown } from "../shared/args.js";
import { type ContainerSpec, createCommands, readContainerSpec, specDifferences } from "./container-spec.js";
import { dockerName } from "./docker-args.js";

const known = [
  "container",
  "image",
  "ports",
  "networks",
  "volumes",
  "env_vars",
  "env_files",
  "labels",
  "pull_always",
  "present",
  "force",
  "start",
  "restart_policy",
  "auto_remove",
  "dns",
  "command",
];

interface ContainerArgs {
  container: string;
  spec: ContainerSpec;
  present: boolean;
  force: boolean;
  start: boolean;
}

export const container = defineOperation<ContainerArgs>({
  name: "docker.container",
  description:
    "Make sure a Docker container exists with the image, ports, networks, volumes, env vars, labels and command given (re-created when they differ), running or stopped; or that it does not.",
  validate: (args) => {
    rejectUnknown(args, known, "docker.container");
    return {
      container: dockerName(args, "container", "container"),
      spec: readContainerSpec(args),
      present: booleanArg(args, "present", true),
      force: booleanArg(args, "force", false),
      start: booleanArg(args, "start", true),
    };
  },
  facts: (args) => [{ fact: DockerContainer, args: { object_id: args.container } }],
  plan: (args, facts) => {
    const name = shellQuote(args.container);
    const existing = facts.get(DockerContainer, { object_id: args.container });
    if (!args.present) {
      if (!existing) return noop(`container ${args.container} does not exist`);
      return change([`docker container rm -f -- ${name}`], { reason: "remove" });
    }
    const start = args.start ? [`docker container start -- ${name}`] : [];
    if (!existing) return change([...createCommands(args.container, args.spec), ...start], { reason: "create" });
    const differences = specDifferences(args.spec, existing);
    if (args.force || differences.length > 0) {
      const why = args.force ? "force" : differences.join("; ");
      return change([`docker container rm -f -- ${name}`, ...createCommands(args.container, args.spec), ...start], {
        reason: `re-create: ${why}`,
      });
    }
    const running = (existing.State as { Running?: unknown } | undefined)?.Running === true;
    if (args.start && !running) return change(start, { reason: "start" });
    if (!args.start && running) return change([`docker container stop -- ${name}`], { reason: "stop" });
    return noop(`container ${args.container} is ${running ? "running" : "stopped"} with the configuration asked`);
  },
});
