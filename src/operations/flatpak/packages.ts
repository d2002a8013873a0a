// flatpak.packages: flatpak applications and runtimes.
import { FlatpakPackages } from "../../facts/tool-packages.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, optionalString, refuseOptionLike, rejectUnknown } from "../shared/args.js";
import { readPackageList } from "../shared/package-args.js";

export const packages = defineOperation({
  name: "flatpak.packages",
  description:
    "Install flatpak applications by ID (from remote when given) or remove them (present: false), system-wide or (user: true) for the user.",
  validate: (args) => {
    rejectUnknown(args, ["packages", "remote", "present", "user"], "flatpak.packages");
    const { packages, present } = readPackageList(args);
    const remote = optionalString(args, "remote")?.trim() || undefined;
    refuseOptionLike(remote, "remote", 'give the remote\'s name, e.g. "flathub".');
    return { packages, present, remote, user: booleanArg(args, "user", false) };
  },
  facts: (args) => [{ fact: FlatpakPackages, args: { user: args.user } }],
  plan: (args, facts) => {
    const installed = facts.get(FlatpakPackages, { user: args.user });
    const scope = args.user ? "--user" : "--system";
    const quoted = (ids: string[]) => ids.map(shellQuote).join(" ");
    if (!args.present) {
      const remove = args.packages.filter((id) => installed.includes(id));
      return remove.length
        ? change([`flatpak uninstall --noninteractive ${scope} ${quoted(remove)}`], {
            reason: `remove ${remove.join(", ")}`,
          })
        : noop(`flatpak ${args.packages.join(", ")} not installed`);
    }
    const install = args.packages.filter((id) => !installed.includes(id));
    if (!install.length) return noop(`flatpak ${args.packages.join(", ")} installed`);
    return change(
      [
        `flatpak install --noninteractive ${scope}${args.remote ? ` ${shellQuote(args.remote)}` : ""} ${quoted(install)}`,
      ],
      { reason: `install ${install.join(", ")}` },
    );
  },
});
