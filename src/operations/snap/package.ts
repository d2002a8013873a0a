// snap.package: snaps installed from a channel (refreshed to it when they track another), or removed.
import { SnapPackages } from "../../facts/tool-packages.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, optionalString, refuseOptionLike, rejectUnknown } from "../shared/args.js";
import { readPackageList } from "../shared/package-args.js";

export const package_ = defineOperation({
  name: "snap.package",
  description:
    "Install snaps from a channel (default latest/stable; classic: --classic), refresh them to it when they track another, or remove them (present: false).",
  validate: (args) => {
    rejectUnknown(args, ["packages", "channel", "classic", "present"], "snap.package");
    const { packages, present } = readPackageList(args);
    const channel = optionalString(args, "channel") ?? "latest/stable";
    refuseOptionLike(channel, "channel", 'give a channel, e.g. "latest/stable" or "4.0/stable".');
    return { packages, present, channel, classic: booleanArg(args, "classic", false) };
  },
  facts: () => [{ fact: SnapPackages }],
  plan: (args, facts) => {
    const installed = facts.get(SnapPackages);
    const has = (name: string) => Object.hasOwn(installed, name);
    if (!args.present) {
      const remove = args.packages.filter(has);
      return remove.length
        ? change([`snap remove ${remove.map(shellQuote).join(" ")}`], { reason: `remove ${remove.join(", ")}` })
        : noop(`snap ${args.packages.join(", ")} not installed`);
    }
    const want = fullChannel(args.channel);
    const install = args.packages.filter((name) => !has(name));
    // A snap installed from a local file tracks no channel: it is left as it is.
    const refresh = args.packages.filter(
      (name) => has(name) && installed[name]?.channel && fullChannel(installed[name]?.channel ?? "") !== want,
    );
    if (!install.length && !refresh.length) return noop(`snap ${args.packages.join(", ")} installed from ${want}`);
    const channel = shellQuote(`--channel=${args.channel}`);
    // snap takes a channel for one snap at a time.
    return change(
      [
        ...install.map((name) => `snap install${args.classic ? " --classic" : ""} ${channel} ${shellQuote(name)}`),
        ...refresh.map((name) => `snap refresh ${channel} ${shellQuote(name)}`),
      ],
      {
        reason: [
          install.length ? `install ${install.join(", ")}` : "",
          refresh.length ? `switch ${refresh.join(", ")} to ${want}` : "",
        ]
          .filter(Boolean)
          .join("; "),
      },
    );
  },
});

// A channel with its track: "stable" is "latest/stable", as snap list shows it.
function fullChannel(channel: string): string {
  return channel.includes("/") ? channel : `latest/${channel}`;
}
