// server.locale: a locale enabled (or, present false, disabled) in /etc/locale.gen and generated with locale-gen (Debian, Ubuntu).

import { FileContents } from "../../facts/files.js";
import { Command as CommandFact } from "../../facts/server.js";
import { type Command, change, defineOperation, noop } from "../operation.js";
import { booleanArg, OperationArgumentError, rejectUnknown, requiredString } from "../shared/args.js";
import { remoteText } from "../shared/remote-text.js";
import { writeFileCommands } from "../shared/write-file.js";

const localeGen = "/etc/locale.gen";
// The generated locales; nothing where the locale command is missing.
const generatedLocalesCommand = "if command -v locale >/dev/null 2>&1; then locale -a; fi";

export const locale = defineOperation({
  name: "server.locale",
  description: "Enable a locale in /etc/locale.gen and generate it (present false: disable it).",
  validate: (args) => {
    rejectUnknown(args, ["locale", "present"], "server.locale");
    const name = requiredString(args, "locale");
    if (!/^[A-Za-z][A-Za-z0-9_.@-]*$/.test(name))
      throw new OperationArgumentError(
        `argument locale ${JSON.stringify(name)} is not a locale name: give one such as "en_US.UTF-8".`,
      );
    return { locale: name, present: booleanArg(args, "present", true) };
  },
  facts: () => [
    { fact: FileContents, args: { path: localeGen } },
    { fact: CommandFact, args: { command: generatedLocalesCommand } },
  ],
  plan: (args, facts) => {
    const remote = facts.get(FileContents, { path: localeGen });
    const text = remoteText(localeGen, remote);
    if (text === null) {
      if (!args.present) return noop(`${localeGen} does not exist: locale ${args.locale} is not enabled`);
      throw new OperationArgumentError(
        `${localeGen} does not exist on the host: install the locales package first (apt.packages packages=locales).`,
      );
    }
    const lines = text.replace(/\n$/, "").split("\n");
    const fieldOf = (line: string) => line.replace(/^#\s*/, "").trim().split(/\s+/)[0];
    const enabled = lines.findIndex((l) => !l.trim().startsWith("#") && fieldOf(l) === args.locale);
    const generated = facts
      .get(CommandFact, { command: generatedLocalesCommand })
      .split("\n")
      .map((l) => normalise(l.trim()))
      .includes(normalise(args.locale));
    let next = lines;
    if (args.present && enabled < 0) {
      const commented = lines.findIndex((l) => l.trim().startsWith("#") && fieldOf(l) === args.locale);
      const charset = /\.([^@]+)/.exec(args.locale)?.[1];
      if (commented < 0 && !charset)
        throw new OperationArgumentError(
          `locale ${args.locale} is not listed in ${localeGen}: give it with its charset ("en_US.UTF-8").`,
        );
      next =
        commented < 0
          ? [...lines, `${args.locale} ${charset}`]
          : lines.map((l, i) => (i === commented ? l.replace(/^#\s*/, "") : l));
    } else if (!args.present && enabled >= 0) {
      next = lines.map((l, i) => (i === enabled ? `# ${l}` : l));
    }
    const commands: Array<string | Command> = [];
    let diff: string | undefined;
    if (next !== lines) {
      const written = writeFileCommands(localeGen, Buffer.from(`${next.join("\n")}\n`), remote, {
        createRemoteDir: false,
      });
      if (written) {
        commands.push(...written.commands);
        diff = written.diff;
      }
    }
    if (commands.length || args.present !== generated) commands.push("locale-gen");
    if (!commands.length) return noop(`locale ${args.locale} is ${args.present ? "enabled" : "not enabled"}`);
    return change(commands, diff ? { diff } : {});
  },
});

// "en_US.UTF-8" and locale -a's "en_US.utf8" name the same locale.
function normalise(name: string): string {
  const [base = "", charset] = name.split(".");
  return charset === undefined ? base : `${base}.${charset.toLowerCase().replace(/-/g, "")}`;
}
