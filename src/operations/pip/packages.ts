// pip.packages: Python packages, optionally inside a virtualenv.
import { posix } from "node:path";
import { normalisePipName, PipPackages } from "../../facts/packages.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { OperationArgumentError, optionalString, rejectUnknown, stringList } from "../shared/args.js";
import { readPackageList } from "../shared/package-args.js";
import { withPackages } from "../shared/package-managers.js";

export const packages = defineOperation({
  name: "pip.packages",
  description: "Install or remove Python packages with pip, optionally inside a virtualenv.",
  validate: (args) => {
    rejectUnknown(args, ["packages", "present", "latest", "virtualenv", "pip", "extra_install_args"], "pip.packages");
    const virtualenv = optionalString(args, "virtualenv");
    const pip = optionalString(args, "pip");
    // As in pyinfra, `pip` names the command inside the virtualenv when one is given.
    if (virtualenv && pip?.includes("/"))
      throw new OperationArgumentError(
        `argument pip ${JSON.stringify(pip)} must be a command name (e.g. "pip3") when virtualenv is given: it is run as ${posix.join(virtualenv, "bin")}/<pip>.`,
      );
    return {
      ...readPackageList(args),
      pip: virtualenv ? posix.join(virtualenv, "bin", pip ?? "pip") : (pip ?? "pip3"),
      extra: stringList(args, "extra_install_args"),
    };
  },
  facts: (args) => [{ fact: PipPackages, args: { pip: args.pip } }],
  plan: (args, facts) => {
    const installed = facts.get(PipPackages, { pip: args.pip });
    const split = (spec: string) => {
      const match = /^([A-Za-z0-9_.-]+)(?:==(.+))?$/.exec(spec);
      return { name: normalisePipName(match?.[1] ?? spec), version: match?.[2] };
    };
    const isInstalled = (spec: string) => {
      const { name, version } = split(spec);
      return installed[name] !== undefined && (version === undefined || installed[name].includes(version));
    };
    const pip = shellQuote(args.pip);
    if (!args.present) {
      const remove = args.packages.filter((spec) => installed[split(spec).name]);
      return remove.length
        ? change([withPackages(`${pip} uninstall -y`, remove, [])])
        : noop(`${args.packages.join(", ")} not installed`);
    }
    const todo = args.latest ? args.packages : args.packages.filter((spec) => !isInstalled(spec));
    if (todo.length === 0) return noop(`${args.packages.join(", ")} already installed`);
    return change([withPackages(`${pip} install${args.latest ? " --upgrade" : ""}`, todo, args.extra)]);
  },
});
