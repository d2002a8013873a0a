// What pip would do: whether `pip install` of some requirements would install anything.
import { shellQuote } from "../util/shell-quote.js";
import { defineFact } from "./fact.js";

/** The arguments of the PipInstallDryRun fact. */
export interface PipInstallDryRunArgs {
  /** The pip command (default: pip3). */
  pip?: string;
  /** A requirements file on the host (pip install -r). */
  requirements?: string;
  /** One requirement spec ("requests>=2", "foo[bar]"). */
  spec?: string;
  /** Extra options of the install, one a line ("--no-index\n--find-links\n/srv/wheels"). */
  install_args?: string;
  /** Ask as `pip install --upgrade` would. */
  upgrade?: boolean;
}

/**
 * Whether `pip install` (of a requirements file or one spec) would install nothing: pip's own resolver
 * answers (`--dry-run --report -`, pip 22.2 or later). False when it would install something, and when
 * pip cannot answer (no pip yet, no such file, an index it cannot reach, an older pip): the install then
 * runs and says why it fails.
 * `await host.getFact("PipInstallDryRun", { pip, requirements })`.
 */
export const PipInstallDryRun = defineFact<PipInstallDryRunArgs, boolean>({
  name: "PipInstallDryRun",
  description: "whether pip install of a requirements file or spec would install nothing",
  arguments: {
    pip: { type: "string", description: "the pip command (default: pip3)" },
    requirements: { type: "string", description: "a requirements file on the host" },
    spec: { type: "string", description: "one requirement spec" },
    install_args: { type: "string", description: "extra install options, one a line" },
    upgrade: { type: "boolean", description: "ask as pip install --upgrade would" },
  },
  command: ({ pip = "pip3", requirements, spec, install_args, upgrade } = {}) =>
    [
      shellQuote(pip),
      "install --dry-run --quiet --no-input --disable-pip-version-check --report -",
      ...(upgrade ? ["--upgrade"] : []),
      ...splitInstallArgs(install_args).map(shellQuote),
      ...(requirements ? ["-r", shellQuote(requirements)] : []),
      // "--" ends the options: a spec is never read as one.
      ...(spec ? ["--", shellQuote(spec)] : []),
    ].join(" "),
  parse: (output) => output.exitCode === 0 && reportInstallsNothing(output.stdout),
});

// The options of extra_install_args, as pip.packages passes them to the fact.
export function splitInstallArgs(text: string | undefined): string[] {
  return (text ?? "").split("\n").filter(Boolean);
}

// pip's JSON installation report: its "install" list is empty when everything is satisfied.
function reportInstallsNothing(stdout: string): boolean {
  const start = stdout.indexOf("{");
  if (start < 0) return false;
  try {
    const report: unknown = JSON.parse(stdout.slice(start));
    return (
      typeof report === "object" &&
      report !== null &&
      Array.isArray((report as { install?: unknown }).install) &&
      (report as { install: unknown[] }).install.length === 0
    );
  } catch {
    return false;
  }
}
