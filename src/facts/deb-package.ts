// The DebPackage fact: a .deb file's (or an installed package's) name and version.
import { shellQuote } from "../util/shell-quote.js";
import { defineFact, lines, unreadable } from "./fact.js";
import { cannotRead } from "./stderr.js";

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
export const DebPackage = defineFact<DebPackageArgs, DebPackageInfo | null>({
  name: "DebPackage",
  description: "a .deb file's (or installed package's) name and version",
  arguments: { name: { type: "string", required: true, description: "a .deb file's path or a package's name" } },
  command: ({ name }) => {
    const quoted = shellQuote(name);
    return `if [ -e ${quoted} ]; then LC_ALL=C dpkg-deb -f ${quoted} Package Version; else LC_ALL=C dpkg -s ${quoted} 2>/dev/null || true; fi`;
  },
  parse: ({ stdout, stderr, exitCode }, { name }) => {
    if (exitCode !== 0) return unreadable(cannotRead(name, stderr.replace(/^dpkg-deb: error:\s*/gm, "")));
    let packageName: string | null = null;
    let version: string | null = null;
    for (const line of lines(stdout)) {
      packageName ??= /^Package:\s*(\S+)\s*$/.exec(line)?.[1] ?? null;
      version ??= /^Version:\s*(\S+)\s*$/.exec(line)?.[1] ?? null;
    }
    return packageName && version ? { name: packageName, version } : null;
  },
});
