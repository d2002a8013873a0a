// server.service: a service through systemd when it runs, else its /etc/init.d script.

import { Which } from "../../facts/server.js";
import { InitdRunning, SystemdEnabled, SystemdStatus } from "../../facts/services.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { OperationArgumentError } from "../shared/args.js";
import { planSystemdService, serviceActions } from "../shared/plan-service.js";
import { readServiceArgs, serviceKeys } from "../shared/service-args.js";

export const service = defineOperation({
  name: "server.service",
  description: "Start, stop, restart or reload a service with systemd when it runs, else its /etc/init.d script.",
  validate: (args) => readServiceArgs(args, "server.service", serviceKeys),
  facts: (args) => [
    { fact: Which, args: { command: "systemctl" } },
    { fact: SystemdStatus },
    { fact: SystemdEnabled },
    { fact: InitdRunning, args: { service: args.service } },
  ],
  plan: (args, facts) => {
    const systemd =
      facts.get(Which, { command: "systemctl" }) !== null && Object.keys(facts.get(SystemdStatus)).length > 0;
    if (systemd) return planSystemdService(args, facts.get(SystemdStatus), facts.get(SystemdEnabled));
    const running = facts.get(InitdRunning, { service: args.service });
    if (running === null)
      throw new OperationArgumentError(
        `service ${args.service}: no systemd and no /etc/init.d/${args.service} on the host.`,
      );
    const script = `/etc/init.d/${shellQuote(args.service)}`;
    const commands = serviceActions(args, running, (verb) => `${script} ${verb}`);
    return commands.length ? change(commands) : noop(`service ${args.service} is ${running ? "running" : "stopped"}`);
  },
});
