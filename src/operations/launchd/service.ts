// launchd.service: start, stop or restart a launchd job (macOS).
import { LaunchdStatus } from "../../facts/launchd.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { serviceState } from "../shared/plan-service.js";
import { readServiceArgs } from "../shared/service-args.js";

export const service = defineOperation({
  name: "launchd.service",
  description: "Start, stop or restart a launchd job (launchctl; restart is a stop then a start).",
  validate: (args) => readServiceArgs(args, "launchd.service", ["service", "running", "restarted"]),
  facts: () => [{ fact: LaunchdStatus }],
  plan: (args, facts) => {
    const active = facts.get(LaunchdStatus)[args.service] ?? false;
    const job = shellQuote(args.service);
    const commands: string[] = [];
    if (args.running === true && !active) commands.push(`launchctl start ${job}`);
    if (args.running === false && active) commands.push(`launchctl stop ${job}`);
    // launchctl has no restart: a running job is stopped and started again.
    if (args.restarted && active && args.running !== false)
      commands.push(`launchctl stop ${job}`, `launchctl start ${job}`);
    return commands.length ? change(commands) : noop(serviceState(args.service, active));
  },
});
