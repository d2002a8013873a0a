// dnf.repo, yum.repo and zypper.repo: a repository's own .repo file (/etc/yum.repos.d/, /etc/zypp/repos.d/), written from its settings.
import { FileContents } from "../../facts/files.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import {
  booleanArg,
  OperationArgumentError,
  optionalString,
  refuseLineBreak,
  rejectUnknown,
  requiredString,
} from "./args.js";
import { writeFileCommands } from "./write-file.js";

const repoKeys = ["src", "present", "baseurl", "description", "enabled", "gpgcheck", "gpgkey", "type"];

// A checked repository: its file's path and the text it holds.
export interface RpmRepoArgs {
  path: string;
  present: boolean;
  text: string;
}

// Reads and checks a dnf.repo / yum.repo call (pyinfra's arguments).
function readRepoArgs(args: Record<string, unknown>, operation: string, directory: string): RpmRepoArgs {
  rejectUnknown(args, repoKeys, operation);
  const name = requiredString(args, "src");
  if (name.includes("://"))
    throw new OperationArgumentError(
      `${operation}: src is the repository's name ("epel"), not a URL (${name}); give the URL as baseurl, or download a .repo file with files.download.`,
    );
  if (!/^[A-Za-z0-9_.:-]+$/.test(name) || name.startsWith("-"))
    throw new OperationArgumentError(
      `${operation}: argument src (the repository's name) may hold letters, digits, _, ., : and - only ("${name}").`,
    );
  for (const key of ["baseurl", "description", "gpgkey", "type"])
    refuseLineBreak(args, key, "It would add lines to the .repo file.");
  const present = booleanArg(args, "present", true);
  const baseurl = optionalString(args, "baseurl");
  if (present && baseurl === undefined)
    throw new OperationArgumentError(`${operation} needs baseurl (the repository's URL) to add repository ${name}.`);
  const gpgkey = optionalString(args, "gpgkey");
  const text = [
    `[${name}]`,
    `name=${optionalString(args, "description") ?? name}`,
    `baseurl=${baseurl ?? ""}`,
    `enabled=${booleanArg(args, "enabled", true) ? 1 : 0}`,
    `gpgcheck=${booleanArg(args, "gpgcheck", true) ? 1 : 0}`,
    `type=${optionalString(args, "type") ?? "rpm-md"}`,
    ...(gpgkey !== undefined ? [`gpgkey=${gpgkey}`] : []),
  ];
  return { path: `${directory}/${name}.repo`, present, text: `${text.join("\n")}\n` };
}

// Where each family reads its .repo files.
const repoDirectories = { dnf: "/etc/yum.repos.d", yum: "/etc/yum.repos.d", zypper: "/etc/zypp/repos.d" } as const;

// Defines dnf.repo, yum.repo or zypper.repo.
export function defineRpmRepo(family: "dnf" | "yum" | "zypper") {
  const directory = repoDirectories[family];
  return defineOperation({
    name: `${family}.repo`,
    description: `Add (or remove) a ${family} repository: ${directory}/<src>.repo written from baseurl, description, enabled, gpgcheck, gpgkey and type.`,
    validate: (args) => readRepoArgs(args, `${family}.repo`, directory),
    facts: (args) => [{ fact: FileContents, args: { path: args.path } }],
    plan: (args, facts) => {
      const remote = facts.get(FileContents, { path: args.path });
      if (!args.present)
        return remote === null ? noop(`${args.path} is already absent`) : change([`rm -f ${shellQuote(args.path)}`]);
      const written = writeFileCommands(args.path, Buffer.from(args.text), remote, {
        createRemoteDir: true,
        mode: "644",
      });
      return written ? change(written.commands, { diff: written.diff }) : noop(`${args.path} is up to date`);
    },
  });
}
