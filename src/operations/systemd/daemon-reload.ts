// systemd.daemon_reload: reload systemd's unit files (the system's manager, a user's, or a machine's).
import { change, defineOperation } from "../operation.js";
import { rejectUnknown } from "../shared/args.js";
import { managerKeys, managerSystemctl, readManagerArgs } from "../shared/systemd-manager.js";

export const daemon_reload = defineOperation({
  name: "systemd.daemon_reload",
  description: "Reload systemd's unit files (always a change).",
  validate: (args) => {
    rejectUnknown(args, managerKeys, "systemd.daemon_reload");
    return { manager: readManagerArgs(args) };
  },
  facts: () => [],
  plan: (args) => change([`${managerSystemctl(args.manager)} daemon-reload`]),
});
