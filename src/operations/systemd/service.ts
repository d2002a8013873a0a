// systemd.service: start, stop, restart, reload, enable or disable a systemd unit.
import { SystemdEnabled, SystemdStatus } from "../../facts/services.js";
import { defineOperation } from "../operation.js";
import { planSystemdService } from "../shared/plan-service.js";
import { readServiceArgs } from "../shared/service-args.js";

export const service = defineOperation({
  name: "systemd.service",
  description: "Start, stop, restart, reload, enable or disable a systemd unit.",
  validate: (args) => readServiceArgs(args, "systemd.service"),
  facts: () => [{ fact: SystemdStatus }, { fact: SystemdEnabled }],
  plan: (args, facts) => planSystemdService(args, facts.get(SystemdStatus), facts.get(SystemdEnabled)),
});
