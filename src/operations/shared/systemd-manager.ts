// Which systemd manager a systemd operation talks to: user_mode, machine and user_name (pyinfra's names).
import { type SystemdArgs, systemctlCommand } from "../../facts/services.js";
import { booleanArg, checkAccountName, OperationArgumentError, optionalString } from "./args.js";

// The systemd.* arguments that pick the manager.
export const managerKeys = ["user_mode", "machine", "user_name"];

// The manager arguments, checked, as the facts take them (undefined: the system's manager).
export function readManagerArgs(args: Record<string, unknown>): SystemdArgs | undefined {
  const userMode = booleanArg(args, "user_mode", false);
  const machine = optionalString(args, "machine");
  const userName = optionalString(args, "user_name");
  if (userName !== undefined) {
    checkAccountName(userName, "user_name", "user");
    if (!userMode)
      throw new OperationArgumentError(
        `argument user_name ${JSON.stringify(userName)} picks a user's service manager: add user_mode: true.`,
      );
  }
  if (machine !== undefined && !/^[A-Za-z0-9_.][A-Za-z0-9_.:-]*$/.test(machine))
    throw new OperationArgumentError(
      `argument machine ${JSON.stringify(machine)} is not a machine name: give a container's name or a host name (letters, digits, "_", ".", ":", "-"), e.g. machine: "web1".`,
    );
  if (!userMode && machine === undefined) return undefined;
  return {
    ...(userMode ? { user_mode: true } : {}),
    ...(machine === undefined ? {} : { machine }),
    ...(userName === undefined ? {} : { user_name: userName }),
  };
}

// The systemctl command for the manager (plain "systemctl" for the system's).
export const managerSystemctl = (manager: SystemdArgs | undefined): string => systemctlCommand(manager);
