// dnf.rpm and yum.rpm: an .rpm file (a path on the host or a URL) installed, or its package removed.
import { RpmPackageFile, RpmPackages } from "../../facts/packages.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, refuseOptionLike, rejectUnknown, requiredString } from "./args.js";
import { withPackages } from "./package-managers.js";

// Defines dnf.rpm or yum.rpm.
export function defineRpmFile(family: "dnf" | "yum") {
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
          ? change([withPackages(`${family} remove -y`, [name], [])], { reason: `remove ${name}` })
          : noop(`package ${name} is not installed`);
      if (versions.includes(version)) return noop(`package ${name} ${version} is already installed`);
      return change([withPackages(`${family} install -y`, [args.src], [])], {
        reason: `install ${name} ${version}`,
      });
    },
  });
}
