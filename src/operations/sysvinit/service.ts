// sysvinit.service: start, stop, restart or reload an /etc/init.d service, and enable or disable it at boot.
import type { LinuxDistributionInfo } from "../../facts/server.js";
import { Command as CommandFact, LinuxDistribution } from "../../facts/server.js";
import { InitdRunning } from "../../facts/services.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, type FactLookup, type FactNeed, noop, type OperationPlan } from "../operation.js";
import { OperationArgumentError } from "../shared/args.js";
import { serviceActions, serviceState } from "../shared/plan-service.js";
import { readInitServiceArgs, type ServiceArgs } from "../shared/service-args.js";

// The start links of a service in every runlevel (/etc/rc2.d/S01cron), one a line. The name is
// matched exactly after the two priority digits: "cron" is not "anacron".
export function startLinksCommand(service: string): string {
  return `ls -d /etc/rc[0-6S].d/S[0-9][0-9]${shellQuote(service)} 2>/dev/null; true`;
}

// The facts sysvinit planning reads: whether the script says it runs; its start links and the
// distribution only when `enabled` is asked for.
export function sysvinitFacts(args: ServiceArgs): FactNeed[] {
  return [
    { fact: InitdRunning, args: { service: args.service } },
    ...(args.enabled === undefined
      ? []
      : [{ fact: CommandFact, args: { command: startLinksCommand(args.service) } }, { fact: LinuxDistribution }]),
  ];
}

// The commands that enable a service at boot on distributions with a tool for it; null elsewhere.
function enableCommands(service: string, distribution: LinuxDistributionInfo): string[] | null {
  const name = shellQuote(service);
  const family = [distribution.id ?? "", distribution.release_meta.ID_LIKE ?? ""].join(" ");
  // update-rc.d's defaults makes the links when there are none; enable turns disabled ones back to start links.
  if (/\b(debian|ubuntu)\b/.test(family)) return [`update-rc.d ${name} defaults`, `update-rc.d ${name} enable`];
  if (/\b(rhel|centos|fedora)\b/.test(family)) return [`chkconfig --add ${name}`, `chkconfig ${name} on`];
  if (/\bgentoo\b/.test(family)) return [`rc-update add ${name} default`];
  return null;
}

// Plans /etc/init.d/<service> verbs, and boot links with the distribution's tool.
export function planSysvinitService(args: ServiceArgs, facts: FactLookup): OperationPlan {
  const running = facts.get(InitdRunning, { service: args.service });
  const needsScript =
    args.running === true || args.restarted || args.reloaded || args.command !== undefined || args.enabled === true;
  if (running === null && needsScript)
    throw new OperationArgumentError(
      `service ${args.service}: there is no /etc/init.d/${args.service} script on the host; install it first.`,
    );
  const script = `/etc/init.d/${shellQuote(args.service)}`;
  const commands = serviceActions(args, running, (verb) => `${script} ${verb}`);
  let links: string[] = [];
  if (args.enabled !== undefined) {
    links = facts
      .get(CommandFact, { command: startLinksCommand(args.service) })
      .split("\n")
      .filter((l) => l.trim() !== "");
    if (args.enabled && links.length === 0) {
      const distribution = facts.get(LinuxDistribution);
      const enable = enableCommands(args.service, distribution);
      if (!enable)
        throw new OperationArgumentError(
          `service ${args.service}: infra-action cannot enable init.d services on ${distribution.name ?? "this distribution"} (it knows update-rc.d, chkconfig and rc-update); make its links with sysvinit.enable.`,
        );
      commands.push(...enable);
    }
    if (!args.enabled && links.length > 0) {
      const distribution = facts.get(LinuxDistribution);
      const family = [distribution.id ?? "", distribution.release_meta.ID_LIKE ?? ""].join(" ");
      // update-rc.d turns start links into stop links (so that enabling again restores them).
      if (/\b(debian|ubuntu)\b/.test(family)) commands.push(`update-rc.d ${shellQuote(args.service)} disable`);
      else commands.push(`rm -f -- ${links.map(shellQuote).join(" ")}`);
    }
  }
  if (commands.length) return change(commands);
  const boot = args.enabled === undefined ? "" : links.length ? " and enabled" : " and disabled";
  return noop(`${serviceState(args.service, running ?? false)}${boot}`);
}

export const service = defineOperation({
  name: "sysvinit.service",
  description: "Start, stop, restart or reload an /etc/init.d service; enabled makes or removes its boot links.",
  validate: (args) => readInitServiceArgs(args, "sysvinit.service"),
  facts: (args) => sysvinitFacts(args),
  plan: (args, facts) => planSysvinitService(args, facts),
});
