/** The arguments of the DebPackage fact. */
export interface DebPackageArgs {
    /** A .deb file's path on the host, or an installed package's name. */
    name: string;
}
/** A Debian package's name and version. */
export interface DebPackageInfo {
    /** The package's name. */
    name: string;
    /** Its version. */
    version: string;
}
/**
 * A .deb file's name and version (`dpkg -I`), or an installed package's when no such file exists
 * (`dpkg -s`); null when there is neither.
 * `await host.getFact("DebPackage", { name: "/tmp/app.deb" })`.
 */
export declare const DebPackage: import("./fact.js").Fact<DebPackageArgs, DebPackageInfo | null>;
