// One operation from the command line, run as a deploy (pyinfra's `pyinfra INVENTORY apt.packages
// packages=nginx`): its name and key=value arguments checked before any host is contacted, then called
// through each host's bound API as a deploy file would call it.
import { UsageError } from "../errors.js";
import { parseValue } from "../inventory/overrides.js";
import { operationsByName } from "../operations/index.js";
import { closestName } from "../util/closest.js";
import { publicApiProvider } from "./public-api.js";

// What runDeploy needs to run the operation: a deploy file name for messages and the seam that runs it.
export interface AdHocDeploy {
  deployFiles: string[];
  loadDeploy: (file: string, instance: string) => Promise<unknown>;
}

// "true"/"False" → booleans (pyinfra's way), then JSON (numbers, lists, objects), else the text.
function argumentValue(text: string): unknown {
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === "true";
  return parseValue(text);
}

// Checks the operation's name and arguments; the deploy calls it once per host.
export function adHocDeploy(operation: string, rawArgs: readonly string[]): AdHocDeploy {
  if (!Object.hasOwn(operationsByName, operation)) {
    const near = closestName(operation, Object.keys(operationsByName));
    throw new UsageError(
      `there is no operation "${operation}"${near ? ` (did you mean "${near}"?)` : ""}. Name one as family.operation, such as apt.packages.`,
    );
  }
  const args: Record<string, unknown> = {};
  for (const item of rawArgs) {
    const eq = item.indexOf("=");
    const key = eq < 0 ? "" : item.slice(0, eq);
    if (!/^[A-Za-z_]\w*$/.test(key)) {
      throw new UsageError(
        `operation argument ${JSON.stringify(eq < 0 ? item : `${key}=…`)} is not key=value; write e.g. ${operation} packages=nginx _sudo=true (values: true/false, numbers and JSON are typed, the rest are text).`,
      );
    }
    args[key] = argumentValue(item.slice(eq + 1));
  }
  const [family = "", name = ""] = operation.split(".");
  return {
    deployFiles: [`(command line: ${operation})`],
    loadDeploy: async (_file, instance) => {
      const api = publicApiProvider.forInstance(instance);
      const call = (api[family] as Record<string, (args: Record<string, unknown>) => unknown>)[name];
      if (!call) throw new UsageError(`there is no operation "${operation}".`);
      return call({ name: operation, ...args });
    },
  };
}
