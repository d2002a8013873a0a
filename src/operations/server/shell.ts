// server.shell: shell commands, always run.
import { change, defineOperation } from "../operation.js";
import { rejectUnknown, stringList } from "../shared/args.js";

export const shell = defineOperation({
  name: "server.shell",
  description: "Run shell commands (always a change: infra-action cannot know what they do).",
  validate: (args) => {
    rejectUnknown(args, ["commands"], "server.shell");
    return { commands: stringList(args, "commands", { required: true }) };
  },
  facts: () => [],
  plan: (args) => change(args.commands),
});
