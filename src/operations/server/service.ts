// server.service: a service through the init system the host runs: systemd, OpenRC, upstart, its
// /etc/init.d scripts, or BSD rc.d.
import { onlyWhere } from "../../facts/fact.js";
import { Directory, File } from "../../facts/files.js";
import { OpenrcEnabled, OpenrcStatus } from "../../facts/openrc.js";
import { Os, Which } from "../../facts/server.js";
import { SystemdEnabled, SystemdStatus } from "../../facts/services.js";
import { UpstartStatus } from "../../facts/upstart.js";
import { bsdinitFacts, planBsdinitService } from "../bsdinit/service.js";
import { planOpenrcService } from "../openrc/service.js";
import { defineOperation } from "../operation.js";
import { OperationArgumentError } from "../shared/args.js";
import { planSystemdService } from "../shared/plan-service.js";
import { checkInitServiceName, readServiceArgs, serviceKeys } from "../shared/service-args.js";
import { planSysvinitService, sysvinitFacts } from "../sysvinit/service.js";
import { planUpstartService, upstartFacts } from "../upstart/service.js";

// OpenRC writes its soft level when it has booted the host: installed but not running, it is not the init system.
const openrcBooted = "/run/openrc/softlevel";
const defaultRunlevel = { runlevel: "default" };

// An init system's services are listed only where it runs (systemd's own test for that is its
// /run/systemd/system): rc-status alone starts some thirty processes on a host OpenRC did not boot.
const systemdBooted = "[ -d /run/systemd/system ]";
const SystemdStatusIfBooted = onlyWhere(SystemdStatus, "SystemdStatusIfBooted", systemdBooted);
const SystemdEnabledIfBooted = onlyWhere(SystemdEnabled, "SystemdEnabledIfBooted", systemdBooted);
const OpenrcStatusIfBooted = onlyWhere(OpenrcStatus, "OpenrcStatusIfBooted", `[ -e ${openrcBooted} ]`);
const OpenrcEnabledIfBooted = onlyWhere(OpenrcEnabled, "OpenrcEnabledIfBooted", `[ -e ${openrcBooted} ]`);

export const service = defineOperation({
  name: "server.service",
  description:
    "Start, stop, restart or reload a service with the init system the host runs (systemd, OpenRC, upstart, /etc/init.d, BSD rc.d).",
  validate: (args) => readServiceArgs(args, "server.service", serviceKeys),
  // Every init system's facts are asked for in the one gathering (each is cheap, and empty where its
  // tool is missing or, for systemd and OpenRC, where it does not run); only the detected one's are read.
  facts: (args) => [
    { fact: Which, args: { command: "systemctl" } },
    { fact: SystemdStatusIfBooted },
    { fact: SystemdEnabledIfBooted },
    { fact: Which, args: { command: "rc-service" } },
    { fact: File, args: { path: openrcBooted } },
    { fact: OpenrcStatusIfBooted, args: defaultRunlevel },
    { fact: OpenrcEnabledIfBooted, args: defaultRunlevel },
    { fact: Which, args: { command: "initctl" } },
    ...upstartFacts(args),
    { fact: Which, args: { command: "service" } },
    { fact: Directory, args: { path: "/etc/init.d" } },
    ...sysvinitFacts(args),
    { fact: Os },
    { fact: Directory, args: { path: "/etc/rc.d" } },
    ...bsdinitFacts(args).filter((need) => need.fact !== Os),
  ],
  plan: (args, facts) => {
    // systemd when it runs (its units listed), not merely when systemctl is installed (containers).
    if (facts.get(Which, { command: "systemctl" }) !== null && Object.keys(facts.get(SystemdStatusIfBooted)).length > 0)
      return planSystemdService(args, facts.get(SystemdStatusIfBooted), facts.get(SystemdEnabledIfBooted));
    if (facts.get(Which, { command: "rc-service" }) !== null && facts.get(File, { path: openrcBooted })) {
      checkInitServiceName(args.service);
      return planOpenrcService(
        args,
        facts.get(OpenrcStatusIfBooted, defaultRunlevel),
        facts.get(OpenrcEnabledIfBooted, defaultRunlevel),
      );
    }
    if (facts.get(Which, { command: "initctl" }) !== null && Object.keys(facts.get(UpstartStatus)).length > 0) {
      checkInitServiceName(args.service);
      return planUpstartService(args, facts);
    }
    if (facts.get(Which, { command: "service" }) !== null || facts.get(Directory, { path: "/etc/init.d" })) {
      checkInitServiceName(args.service);
      return planSysvinitService(args, facts);
    }
    // Only off Linux: there /etc/rc.d holds other things than services.
    if (facts.get(Os) !== "Linux" && facts.get(Directory, { path: "/etc/rc.d" })) {
      checkInitServiceName(args.service);
      return planBsdinitService(args, facts);
    }
    throw new OperationArgumentError(
      `service ${args.service}: no init system found on the host (no running systemd or OpenRC, no initctl, /etc/init.d or /etc/rc.d); use the operation of its service manager (runit.service, launchd.service).`,
    );
  },
});
