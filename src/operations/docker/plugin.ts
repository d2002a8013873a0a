// docker.plugin: a plugin is installed (with its options, enabled or disabled), or it is not.
import { DockerPlugin } from "../../facts/docker.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, rejectUnknown } from "../shared/args.js";
import { imageReference, stringMap } from "./docker-args.js";

interface PluginArgs {
  plugin: string;
  alias?: string;
  present: boolean;
  enabled: boolean;
  options: Array<[string, string]>;
}

export const plugin = defineOperation<PluginArgs>({
  name: "docker.plugin",
  description:
    "Make sure a Docker plugin is installed (with alias and plugin_options), enabled or disabled; or, with present: false, that it is not.",
  validate: (args) => {
    rejectUnknown(args, ["plugin", "alias", "present", "enabled", "plugin_options"], "docker.plugin");
    const alias = imageReference(args, "alias", false);
    return {
      plugin: imageReference(args, "plugin", true),
      alias,
      present: booleanArg(args, "present", true),
      enabled: booleanArg(args, "enabled", true),
      options: stringMap(args, "plugin_options", '{ DEBUG: "1" }') ?? [],
    };
  },
  facts: (args) => [{ fact: DockerPlugin, args: { object_id: args.alias ?? args.plugin } }],
  plan: (args, facts) => {
    const named = args.alias ?? args.plugin;
    const name = shellQuote(named);
    const existing = facts.get(DockerPlugin, { object_id: named });
    if (!args.present) {
      if (!existing) return noop(`plugin ${named} is not installed`);
      return change([`docker plugin rm --force -- ${name}`], { reason: "remove" });
    }
    const settings = args.options.map(([key, value]) => shellQuote(`${key}=${value}`));
    if (!existing) {
      const words = ["docker plugin install --grant-all-permissions"];
      if (args.alias) words.push(`--alias ${shellQuote(args.alias)}`);
      if (!args.enabled) words.push("--disable");
      return change([[...words, "--", shellQuote(args.plugin), ...settings].join(" ")], { reason: "install" });
    }
    const enabled = existing.Enabled === true;
    const env = (existing.Settings as { Env?: unknown } | undefined)?.Env;
    const set = Array.isArray(env) ? env : [];
    const differing = args.options.filter(([key, value]) => !set.includes(`${key}=${value}`)).map(([key]) => key);
    if (differing.length > 0) {
      // Docker changes a plugin's settings only while it is disabled.
      const commands = [
        ...(enabled ? [`docker plugin disable -- ${name}`] : []),
        `docker plugin set -- ${name} ${settings.join(" ")}`,
        ...(args.enabled ? [`docker plugin enable -- ${name}`] : []),
      ];
      return change(commands, { reason: `set ${differing.join(", ")}` });
    }
    if (enabled !== args.enabled)
      return change([`docker plugin ${args.enabled ? "enable" : "disable"} -- ${name}`], {
        reason: args.enabled ? "enable" : "disable",
      });
    return noop(`plugin ${named} is installed with the options asked and ${enabled ? "enabled" : "disabled"}`);
  },
});
