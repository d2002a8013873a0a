import type { PackageVersions } from "./packages.js";
/** The arguments of the NpmPackages fact. */
export interface NpmPackagesArgs {
    /** The project directory; not given: the global packages (npm -g). */
    directory?: string;
}
/**
 * npm packages installed globally, or in a project directory (top level only; scoped names as
 * "@scope/name"). A directory that does not exist yet has none.
 * `await host.getFact("NpmPackages", { directory })`.
 */
export declare const NpmPackages: import("./fact.js").Fact<NpmPackagesArgs, PackageVersions>;
