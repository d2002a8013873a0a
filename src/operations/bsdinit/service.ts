// bsdinit.service: start, stop, restart or reload a BSD rc.d service; enabled sets <service>_enable in /etc/rc.conf.local.
import { RcdStatus } from "../../facts/bsdinit.js";
import { FileContents } from "../../facts/files.js";
import { Os } from "../../facts/server.js";
import { shellQuote } from "../../util/shell-quote.js";
import {
  type Command,
  change,
  defineOperation,
  type FactLookup,
  type FactNeed,
  noop,
  type OperationPlan,
} from "../operation.js";
import { OperationArgumentError } from "../shared/args.js";
import { serviceActions, serviceState } from "../shared/plan-service.js";
import { remoteText } from "../shared/remote-text.js";
import { readInitServiceArgs, type ServiceArgs } from "../shared/service-args.js";
import { writeFileCommands } from "../shared/write-file.js";

const rcConf = "/etc/rc.conf.local";

// The facts BSD init planning reads.
export function bsdinitFacts(args: ServiceArgs): FactNeed[] {
  return [
    { fact: RcdStatus },
    { fact: Os },
    ...(args.enabled === undefined ? [] : [{ fact: FileContents, args: { path: rcConf } }]),
  ];
}

// Plans rc.d verbs (the base system's script, else the ports'), and the _enable line.
export function planBsdinitService(args: ServiceArgs, facts: FactLookup): OperationPlan {
  const active = facts.get(RcdStatus)[args.service] ?? null;
  const base = shellQuote(`/etc/rc.d/${args.service}`);
  const local = shellQuote(`/usr/local/etc/rc.d/${args.service}`);
  const commands: Array<string | Command> = serviceActions(
    args,
    active,
    (verb) => `if [ -e ${base} ]; then ${base} ${verb}; else ${local} ${verb}; fi`,
  );
  if (args.enabled !== undefined) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(args.service))
      throw new OperationArgumentError(
        `service ${args.service}: an rc.conf variable name holds letters, digits and "_" only; enable it with files.line.`,
      );
    const remote = facts.get(FileContents, { path: rcConf });
    const text = remoteText(rcConf, remote) ?? "";
    const setting = `${args.service}_enable="YES"`;
    const current = text.split("\n").filter((line) => line !== "");
    const isSetting = (line: string) => line.startsWith(`${args.service}_enable=`);
    // Enabled: the first _enable line becomes the setting (or it is appended); others go.
    const first = current.findIndex(isSetting);
    const wanted = args.enabled
      ? first < 0
        ? [...current, setting]
        : current.flatMap((line, i) => (i === first ? [setting] : isSetting(line) ? [] : [line]))
      : current.filter((line) => !isSetting(line));
    const same = wanted.join("\n") === current.join("\n");
    if (!same) {
      const written = writeFileCommands(rcConf, Buffer.from(wanted.length ? `${wanted.join("\n")}\n` : ""), remote, {
        createRemoteDir: false,
      });
      if (written) commands.push(...written.commands);
    }
  }
  if (commands.length) return change(commands);
  const boot = args.enabled === undefined ? "" : args.enabled ? " and enabled" : " and not enabled";
  return noop(`${serviceState(args.service, active)}${boot}`);
}

export const service = defineOperation({
  name: "bsdinit.service",
  description:
    'Start, stop, restart or reload a BSD rc.d service; enabled sets <service>_enable="YES" in /etc/rc.conf.local.',
  validate: (args) => readInitServiceArgs(args, "bsdinit.service"),
  facts: (args) => bsdinitFacts(args),
  plan: (args, facts) => planBsdinitService(args, facts),
});
