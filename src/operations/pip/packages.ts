// pip.packages: Python packages and requirements files, optionally inside a virtualenv it creates.
import { FileContents } from "../../facts/files.js";
import { normalisePipName, PipPackages } from "../../facts/packages.js";
import { PipInstallDryRun, type PipInstallDryRunArgs } from "../../facts/pip.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, type FactNeed, noop } from "../operation.js";
import {
  booleanArg,
  OperationArgumentError,
  optionalObject,
  optionalString,
  refuseOptionLike,
  rejectUnknown,
  stringList,
} from "../shared/args.js";
import { withPackages } from "../shared/package-managers.js";
import {
  activateScript,
  planVirtualenv,
  readVirtualenvSettings,
  type VirtualenvSettings,
  virtualenvExists,
  virtualenvFacts,
} from "../shared/virtualenv.js";

const keys = [
  "packages",
  "present",
  "latest",
  "requirements",
  "virtualenv",
  "virtualenv_kwargs",
  "pip",
  "extra_install_args",
];

export const packages = defineOperation({
  name: "pip.packages",
  description:
    "Install or remove Python packages and requirements files with pip, optionally inside a virtualenv (created when missing).",
  validate: (args) => {
    rejectUnknown(args, keys, "pip.packages");
    const packages = stringList(args, "packages");
    for (const name of packages) refuseOptionLike(name, "packages", "give options in extra_install_args.");
    const requirements = optionalString(args, "requirements");
    refuseOptionLike(requirements, "requirements", "give the requirements file's path on the host.");
    if (packages.length === 0 && requirements === undefined)
      throw new OperationArgumentError(
        'pip.packages needs packages (e.g. packages: ["requests"]) or requirements (a requirements file on the host).',
      );
    const virtualenvPath = optionalString(args, "virtualenv");
    const pip = optionalString(args, "pip");
    // As in pyinfra, `pip` names the command inside the virtualenv when one is given.
    if (virtualenvPath && pip?.includes("/"))
      throw new OperationArgumentError(
        `argument pip ${JSON.stringify(pip)} must be a command name (e.g. "pip3") when virtualenv is given: it is run as ${virtualenvPath.replace(/\/+$/, "")}/bin/<pip>.`,
      );
    refuseOptionLike(pip, "pip", 'give the pip command, e.g. "pip3".');
    const kwargs = optionalObject(args, "virtualenv_kwargs");
    if (kwargs && !virtualenvPath)
      throw new OperationArgumentError("argument virtualenv_kwargs needs virtualenv (the directory it creates).");
    const virtualenv: VirtualenvSettings | undefined = virtualenvPath
      ? readVirtualenvSettings(kwargs ?? {}, "pip.packages virtualenv_kwargs", { path: virtualenvPath })
      : undefined;
    if (virtualenv && !virtualenv.present)
      throw new OperationArgumentError(
        "virtualenv_kwargs present: false would remove the virtualenv the packages go into; use pip.virtualenv with present: false.",
      );
    const extra = stringList(args, "extra_install_args");
    for (const option of extra)
      if (option.includes("\n"))
        throw new OperationArgumentError(
          `argument extra_install_args must hold one option a line; ${JSON.stringify(option)} holds a line break.`,
        );
    return {
      packages,
      requirements,
      present: booleanArg(args, "present", true),
      latest: booleanArg(args, "latest", false),
      virtualenv,
      pip: virtualenvPath ? `${virtualenvPath.replace(/\/+$/, "")}/bin/${pip ?? "pip"}` : (pip ?? "pip3"),
      extra,
    };
  },
  facts: (args) => [
    ...(args.virtualenv ? virtualenvFacts(args.virtualenv) : []),
    ...(args.packages.length ? [{ fact: PipPackages, args: { pip: args.pip } }] : []),
    ...requirementsFacts(args),
  ],
  plan: (args, facts) => {
    const commands: string[] = [];
    const reasons: string[] = [];
    // Removing from a virtualenv that does not exist removes nothing: it is not created for that.
    if (args.virtualenv && args.present) {
      const created = planVirtualenv(args.virtualenv, virtualenvExists(args.virtualenv, facts));
      if ("commands" in created) {
        // Several operations of one deploy may use the same new virtualenv: the first one creates it.
        const activate = shellQuote(activateScript(args.virtualenv.path));
        commands.push(...created.commands.map((command) => `[ -e ${activate} ] || ${command}`));
        reasons.push(created.reason);
      }
    }
    const pip = shellQuote(args.pip);
    const install = [`${pip} install`, ...(args.latest ? ["--upgrade"] : []), ...args.extra.map(shellQuote)].join(" ");
    const uninstall = `${pip} uninstall -y`;
    const requirements = args.requirements;
    if (requirements !== undefined) {
      if (args.present && !facts.get(PipInstallDryRun, dryRunArgs({ ...args, requirements }))) {
        commands.push(`${install} -r ${shellQuote(requirements)}`);
        reasons.push(`install the requirements of ${requirements}`);
      }
      if (!args.present) {
        const names = requirementNames(facts.get(FileContents, { path: requirements }));
        const installed = facts.get(PipPackages, { pip: args.pip });
        if (names === null || names.some((name) => installed[name] !== undefined)) {
          commands.push(`${uninstall} -r ${shellQuote(requirements)}`);
          reasons.push(`uninstall the requirements of ${requirements}`);
        }
      }
    }
    if (args.packages.length) {
      const installed = facts.get(PipPackages, { pip: args.pip });
      const split = (spec: string) => {
        const match = /^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?\s*(?:==\s*(.+))?$/.exec(spec);
        return { name: normalisePipName(match?.[1] ?? spec), version: match?.[2]?.trim() };
      };
      const isInstalled = (spec: string) => {
        const { name, version } = split(spec);
        return installed[name] !== undefined && (version === undefined || installed[name].includes(version));
      };
      if (!args.present) {
        const remove = args.packages.filter((spec) => installed[split(spec).name]);
        if (remove.length) {
          commands.push(withPackages(uninstall, remove, []));
          reasons.push(`uninstall ${remove.join(", ")}`);
        }
      } else {
        // latest: every package is handed to `pip install --upgrade` (pip leaves one at its newest version as it is).
        const todo = args.latest ? args.packages : args.packages.filter((spec) => !isInstalled(spec));
        if (todo.length) {
          commands.push(withPackages(install, todo, []));
          reasons.push(`${args.latest ? "install or upgrade" : "install"} ${todo.join(", ")}`);
        }
      }
    }
    if (commands.length) return change(commands, { reason: reasons.join("; ") });
    const what = [...args.packages, ...(requirements !== undefined ? [`the requirements of ${requirements}`] : [])];
    return noop(`${what.join(", ")} ${args.present ? "already installed" : "not installed"}`);
  },
});

// What the requirements file needs: pip's dry run (present), or the file's names and pip's list (absent).
function requirementsFacts(args: {
  requirements?: string;
  present: boolean;
  latest: boolean;
  pip: string;
  extra: string[];
}): FactNeed[] {
  if (args.requirements === undefined) return [];
  if (!args.present)
    return [
      { fact: FileContents, args: { path: args.requirements } },
      { fact: PipPackages, args: { pip: args.pip } },
    ];
  return [{ fact: PipInstallDryRun, args: dryRunArgs({ ...args, requirements: args.requirements }) }];
}

// The dry run of the install the plan would run: same pip, options and --upgrade.
function dryRunArgs(args: {
  requirements: string;
  latest: boolean;
  pip: string;
  extra: string[];
}): PipInstallDryRunArgs {
  return {
    pip: args.pip,
    requirements: args.requirements,
    ...(args.extra.length ? { install_args: args.extra.join("\n") } : {}),
    ...(args.latest ? { upgrade: true } : {}),
  };
}

// The package names a requirements file lists (pip's canonical form), or null when it cannot be read
// here (missing, too large, or including other files): then `pip uninstall -r` runs and decides.
function requirementNames(file: { content: string | null } | false | null): string[] | null {
  if (!file || file.content === null) return null;
  const names: string[] = [];
  for (const raw of Buffer.from(file.content, "base64").toString("utf8").split("\n")) {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (line === "") continue;
    if (line.startsWith("-")) {
      if (/^-(r|c|-requirement|-constraint)\b/.test(line)) return null;
      continue;
    }
    const name = /^([A-Za-z0-9][A-Za-z0-9_.-]*)(?=$|[\s[(<>=!~;@,])/.exec(line)?.[1];
    if (!name) return null;
    names.push(normalisePipName(name));
  }
  return names;
}
