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
export declare const PipInstallDryRun: import("./fact.js").Fact<PipInstallDryRunArgs, boolean>;
export declare function splitInstallArgs(text: string | undefined): string[];
