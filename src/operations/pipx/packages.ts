// pipx.packages: Python applications installed with pipx, each in its own virtualenv.
import { normalisePipName } from "../../facts/packages.js";
import { PipxPackages } from "../../facts/tool-packages.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { rejectUnknown, stringList } from "../shared/args.js";
import { readPackageList } from "../shared/package-args.js";

export const packages = defineOperation({
  name: "pipx.packages",
  description:
    "Install, remove or upgrade (latest) Python applications with pipx, one command each; name==version pins a version.",
  validate: (args) => {
    rejectUnknown(args, ["packages", "present", "latest", "extra_args"], "pipx.packages");
    return { ...readPackageList(args), extra: stringList(args, "extra_args") };
  },
  facts: () => [{ fact: PipxPackages }],
  plan: (args, facts) => {
    const installed = facts.get(PipxPackages);
    const specs = args.packages.map((spec) => ({ spec, ...splitPipSpec(spec) }));
    const has = (name: string) => Object.hasOwn(installed, name);
    const commands: string[] = [];
    const reasons: string[] = [];
    for (const { spec, name, version } of specs) {
      if (!args.present) {
        if (has(name)) {
          commands.push(`pipx uninstall ${shellQuote(name)}`);
          reasons.push(`remove ${name}`);
        }
      } else if (!has(name) || (version !== undefined && !installed[name]?.includes(version))) {
        // A pin that differs reinstalls (--force): pipx install leaves an installed application as it is.
        const force = has(name) ? " --force" : "";
        commands.push([`pipx install${force}`, ...args.extra.map(shellQuote), shellQuote(spec)].join(" "));
        reasons.push(`install ${spec}`);
      } else if (args.latest && version === undefined) {
        commands.push(`pipx upgrade ${shellQuote(name)}`);
        reasons.push(`upgrade ${name}`);
      }
    }
    if (commands.length) return change(commands, { reason: reasons.join("; ") });
    return noop(`${args.packages.join(", ")} ${args.present ? "already installed" : "not installed"}`);
  },
});

// A PEP 508 spec's name (pip's canonical form) and "==" pin: "black==24.1.0", "httpie[socks]".
function splitPipSpec(spec: string): { name: string; version?: string } {
  const match = /^([A-Za-z0-9][A-Za-z0-9_.-]*)\s*(?:\[[^\]]*\])?\s*(?:==\s*([^\s;,]+))?/.exec(spec);
  return { name: normalisePipName(match?.[1] ?? spec), version: match?.[2] };
}
