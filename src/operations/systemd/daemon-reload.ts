// systemd.daemon_reload: reload systemd's unit files.
import { change, defineOperation } from "../operation.js";
import { rejectUnknown } from "../shared/args.js";

export const daemon_reload = defineOperation({
  name: "systemd.daemon_reload",
  description: "Reload systemd's unit files (always a change).",
  validate: (args) => {
    rejectUnknown(args, [], "systemd.daemon_reload");
    return {};
  },
  facts: () => [],
  plan: () => change(["systemctl daemon-reload"]),
});
