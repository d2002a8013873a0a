// server.reboot: reboot the host and wait for it to come back.
import { change, defineOperation } from "../operation.js";
import { optionalNumber, rejectUnknown } from "../shared/args.js";

export const reboot = defineOperation({
  name: "server.reboot",
  description: "Reboot the host and wait for it to come back (always a change).",
  validate: (args) => {
    rejectUnknown(args, ["delay", "interval", "reboot_timeout"], "server.reboot");
    return {
      delay: optionalNumber(args, "delay") ?? 10,
      interval: optionalNumber(args, "interval") ?? 1,
      timeout: optionalNumber(args, "reboot_timeout") ?? 300,
    };
  },
  facts: () => [],
  plan: (args) => change([{ type: "reboot", delay: args.delay, interval: args.interval, timeout: args.timeout }]),
});
