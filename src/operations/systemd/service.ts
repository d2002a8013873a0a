// systemd.service: start, stop, restart, reload, enable or disable a systemd unit (the system's manager,
// a user's, or a machine's).
import { SystemdEnabled, SystemdStatus } from "../../facts/services.js";
import { defineOperation } from "../operation.js";
import { planSystemdService } from "../shared/plan-service.js";
import { readServiceArgs, serviceKeys } from "../shared/service-args.js";
import { managerKeys, managerSystemctl, readManagerArgs } from "../shared/systemd-manager.js";

export const service = defineOperation({
  name: "systemd.service",
  description: "Start, stop, restart, reload, enable or disable a systemd unit (user_mode: a user's unit).",
  validate: (args) => ({
    ...readServiceArgs(args, "systemd.service", [...serviceKeys, ...managerKeys]),
    manager: readManagerArgs(args),
  }),
  facts: (args) => [
    { fact: SystemdStatus, args: args.manager },
    { fact: SystemdEnabled, args: args.manager },
  ],
  plan: (args, facts) =>
    planSystemdService(
      args,
      facts.get(SystemdStatus, args.manager),
      facts.get(SystemdEnabled, args.manager),
      managerSystemctl(args.manager),
    ),
});
