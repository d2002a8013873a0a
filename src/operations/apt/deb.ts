// apt.deb: a .deb file on the host installed (with its dependencies) unless that version is installed.
import { DebPackage } from "../../facts/deb-package.js";
import { DebPackages } from "../../facts/packages.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, OperationArgumentError, rejectUnknown, requiredString } from "../shared/args.js";

const aptInstall =
  "DEBIAN_FRONTEND=noninteractive apt-get install -y --allow-downgrades -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold";

export const deb = defineOperation({
  name: "apt.deb",
  description:
    "Install a .deb file on the host (with its dependencies) unless its version is installed; present: false removes its package.",
  validate: (args) => {
    rejectUnknown(args, ["src", "present", "force"], "apt.deb");
    const src = requiredString(args, "src");
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(src))
      throw new OperationArgumentError(
        `apt.deb takes a .deb file's path on the host, not a URL (${src}): download it first (files.download), then give its path as src.`,
      );
    if (!src.endsWith(".deb") || src.startsWith("-"))
      throw new OperationArgumentError(`argument src must be a .deb file's path on the host ("${src}").`);
    return { src, present: booleanArg(args, "present", true), force: booleanArg(args, "force", false) };
  },
  facts: (args) => [{ fact: DebPackage, args: { name: args.src } }, { fact: DebPackages }],
  plan: (args, facts) => {
    const file = facts.get(DebPackage, { name: args.src });
    const installed = file ? (facts.get(DebPackages)[file.name] ?? []) : [];
    const current = file !== null && installed.includes(file.version);
    if (!args.present) {
      if (!file) return noop(`no .deb at ${args.src} to name the package to remove`);
      if (installed.length === 0) return noop(`${file.name} is not installed`);
      return change([`DEBIAN_FRONTEND=noninteractive apt-get remove -y ${shellQuote(file.name)}`], {
        reason: `remove ${file.name}`,
      });
    }
    if (current && !args.force) return noop(`${file.name} ${file.version} is already installed`);
    const path = args.src.includes("/") ? args.src : `./${args.src}`;
    return change([`${aptInstall}${current ? " --reinstall" : ""} ${shellQuote(path)}`], {
      reason: file ? `install ${file.name} ${file.version}` : `install ${args.src}`,
    });
  },
});
