// apt.key: a repository signing key downloaded to a keyring file.
import { posix } from "node:path";
import { File } from "../../facts/files.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { optionalString, rejectUnknown, requiredString } from "../shared/args.js";
import { parentDirectoryCommand } from "../shared/ownership.js";

export const key = defineOperation({
  name: "apt.key",
  description: "Download a repository signing key to a keyring file (for signed-by=), unless it is there.",
  validate: (args) => {
    rejectUnknown(args, ["src", "dest"], "apt.key");
    const src = requiredString(args, "src");
    const dest =
      optionalString(args, "dest") ??
      `/etc/apt/keyrings/${posix.basename(new URL(src, "file:///").pathname) || "key.asc"}`;
    return { src, dest };
  },
  facts: (args) => [{ fact: File, args: { path: args.dest } }],
  plan: (args, facts) => {
    if (facts.get(File, { path: args.dest })) return noop(`key ${args.dest} is already present`);
    const url = shellQuote(args.src);
    const dest = shellQuote(args.dest);
    return change([
      parentDirectoryCommand(args.dest),
      `t=$(mktemp) && { curl -fsSL -o "$t" ${url} || wget -q -O "$t" ${url}; } && chmod 644 "$t" && mv -f "$t" ${dest}`,
    ]);
  },
});
