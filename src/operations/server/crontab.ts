// server.crontab: a crontab entry with its schedule (or no such entry).

import { Crontab } from "../../facts/server.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import {
  accountName,
  booleanArg,
  OperationArgumentError,
  optionalString,
  refuseLineBreak,
  rejectUnknown,
  requiredString,
} from "../shared/args.js";

const cronKeys = [
  "command",
  "present",
  "user",
  "minute",
  "hour",
  "month",
  "day_of_week",
  "day_of_month",
  "special_time",
];
const scheduleKeys = ["minute", "hour", "day_of_month", "month", "day_of_week"] as const;
const specialTimes = ["@reboot", "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];

export const crontab = defineOperation({
  name: "server.crontab",
  description: "Make sure a crontab entry exists with its schedule (or does not).",
  validate: (args) => {
    rejectUnknown(args, cronKeys, "server.crontab");
    // Every field lands in one crontab line: a line break in any of them would add another entry.
    for (const key of cronKeys) refuseLineBreak(args, key, "A line break would add another crontab entry: remove it.");
    const field = (key: string) => {
      const value = optionalString(args, key) ?? "*";
      if (/\s/.test(value))
        throw new OperationArgumentError(
          `argument ${key} ${JSON.stringify(value)} holds a space: a schedule field is one cron field such as "*/5" or "0,30".`,
        );
      return value;
    };
    const specialTime = optionalString(args, "special_time");
    if (specialTime !== undefined && !specialTimes.includes(specialTime))
      throw new OperationArgumentError(
        `argument special_time must be one of ${specialTimes.join(", ")}; it is ${JSON.stringify(specialTime)}.`,
      );
    return {
      command: requiredString(args, "command"),
      present: booleanArg(args, "present", true),
      user: accountName(args, "user"),
      schedule: Object.fromEntries(scheduleKeys.map((key) => [key, field(key)])) as Record<
        (typeof scheduleKeys)[number],
        string
      >,
      specialTime,
    };
  },
  facts: (args) => [{ fact: Crontab, args: { user: args.user } }],
  plan: (args, facts) => {
    const entries = facts.get(Crontab, { user: args.user });
    const current = entries[args.command];
    const s = args.schedule;
    const line = args.specialTime
      ? `${args.specialTime} ${args.command}`
      : `${s.minute} ${s.hour} ${s.day_of_month} ${s.month} ${s.day_of_week} ${args.command}`;
    const u = args.user ? ` -u ${shellQuote(args.user)}` : "";
    const without = `crontab -l${u} 2>/dev/null | grep -vF -- ${shellQuote(args.command)}`;
    if (!args.present)
      return current
        ? change([`{ ${without} || true; } | crontab${u} -`])
        : noop(`no crontab entry runs ${args.command}`);
    const same =
      current &&
      (args.specialTime
        ? current.special_time === args.specialTime
        : !current.special_time && Object.entries(s).every(([k, v]) => current[k as keyof typeof s] === v));
    if (same) return noop(`crontab entry for ${args.command} is up to date`);
    return change([`{ ${without} || true; echo ${shellQuote(line)}; } | crontab${u} -`]);
  },
});
