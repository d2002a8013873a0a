// dnf.rpm, yum.rpm and zypper.rpm: an .rpm file (a path on the host or a URL) installed, or its package removed.
import { RpmPackageFile, RpmPackages } from "../../facts/packages.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, refuseOptionLike, rejectUnknown, requiredString } from "./args.js";
import { withPackages } from "./package-managers.js";

// How each family installs and removes (zypper asks nothing with --non-interactive).
const tool = { dnf: "dnf", yum: "yum", zypper: "zypper --non-interactive" } as const;

// Defines dnf.rpm, yum.rpm or zypper.rpm.
export function defineRpmFile(family: "dnf" | "yum" | "zypper") {
  return defineOperation({
    name: `${family}.rpm`,
    description: `Install an .rpm file (a path on the host or a URL) with ${family} unless that version is installed; present: false removes its package.`,
    validate: (args) => {
      rejectUnknown(args, ["src", "present"], `${family}.rpm`);
      const src = requiredString(args, "src");
      refuseOptionLike(src, "src", "give the .rpm's absolute path or its URL.");
      return { src, present: booleanArg(args, "present", true) };
    },
    facts: (args) => [{ fact: RpmPackageFile, args: { src: args.src } }, { fact: RpmPackages }],
    plan: (args, facts) => {
      const { name, version } = facts.get(RpmPackageFile, { src: args.src });
      const installed = facts.get(RpmPackages);
      const versions = Object.hasOwn(installed, name) ? (installed[name] ?? []) : [];
      if (!args.present)
        return versions.length
          ? change([withPackages(`${tool[family]} remove -y`, [name], [])], { reason: `remove ${name}` })
          : noop(`package ${name} is not installed`);
      if (versions.includes(version)) return noop(`package ${name} ${version} is already installed`);
      return change([withPackages(`${tool[family]} install -y`, [args.src], [])], {
        reason: `install ${name} ${version}`,
      });
    },
  });
}
