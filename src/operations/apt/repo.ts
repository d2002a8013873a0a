// apt.repo: an APT source line in its own file under /etc/apt/sources.list.d/.
import { FileContents } from "../../facts/files.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, OperationArgumentError, optionalString, rejectUnknown, requiredString } from "../shared/args.js";
import { remoteText } from "../shared/remote-text.js";
import { writeFileCommands } from "../shared/write-file.js";

export const repo = defineOperation({
  name: "apt.repo",
  description: "Add (or remove) an APT source line in /etc/apt/sources.list.d/<filename>.list.",
  validate: (args) => {
    rejectUnknown(args, ["src", "present", "filename"], "apt.repo");
    const src = requiredString(args, "src");
    const filename =
      optionalString(args, "filename") ??
      src
        .replace(/^deb(-src)?\s+(\[[^\]]*\]\s+)?/, "")
        .replace(/[^A-Za-z0-9]+/g, "_")
        .replace(/^_|_$/g, "")
        .slice(0, 60);
    if (!/^[A-Za-z0-9_.-]+$/.test(filename))
      throw new OperationArgumentError("argument filename may hold letters, digits, _, . and - only.");
    return { src, present: booleanArg(args, "present", true), path: `/etc/apt/sources.list.d/${filename}.list` };
  },
  facts: (args) => [{ fact: FileContents, args: { path: args.path } }],
  plan: (args, facts) => {
    const remote = facts.get(FileContents, { path: args.path });
    const text = remoteText(args.path, remote) ?? "";
    const lines = text.split("\n").filter((l) => l !== "");
    const has = lines.includes(args.src);
    if (args.present === has) return noop(`${args.path} ${has ? "already has" : "does not have"} ${args.src}`);
    const next = args.present ? [...lines, args.src] : lines.filter((l) => l !== args.src);
    const written = writeFileCommands(args.path, Buffer.from(next.length ? `${next.join("\n")}\n` : ""), remote, {
      createRemoteDir: true,
      mode: "644",
    });
    return written ? change(written.commands, { diff: written.diff }) : noop(`${args.path} is up to date`);
  },
});
