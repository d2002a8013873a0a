// dnf.key, yum.key and zypper.key: a repository signing key imported into rpm (rpm --import) unless it already is.
import { RpmKeyImported } from "../../facts/packages.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { refuseOptionLike, rejectUnknown, requiredString } from "./args.js";

// Defines dnf.key, yum.key or zypper.key.
export function defineRpmKey(family: "dnf" | "yum" | "zypper") {
  return defineOperation({
    name: `${family}.key`,
    description:
      "Import a signing key (a path on the host or a URL) into rpm with rpm --import, unless its keys are imported.",
    validate: (args) => {
      rejectUnknown(args, ["src"], `${family}.key`);
      const src = requiredString(args, "src");
      refuseOptionLike(src, "src", "give the key file's absolute path or its URL.");
      return { src };
    },
    facts: (args) => [{ fact: RpmKeyImported, args: { src: args.src } }],
    plan: (args, facts) =>
      facts.get(RpmKeyImported, { src: args.src })
        ? noop(`key ${args.src} is already imported`)
        : change([`rpm --import ${shellQuote(args.src)}`], { reason: `import ${args.src}` }),
  });
}
