// Packages of tools beside the system's package manager: Homebrew, snap, RubyGems, pipx, cargo, flatpak.
// One file: each fact is a command and a few lines of parsing, sharing the same "tool missing" rule.
import { defineFact, emptyRecord, type FactOutput, lines, type Unreadable, unreadable } from "./fact.js";
import type { PackageVersions } from "./packages.js";
import { cannotRead } from "./stderr.js";

// A tool's list, read; a tool that is not installed (exit 127) has installed nothing (an earlier
// operation may install it); a tool that fails cannot tell.
function toolList<T>(output: FactOutput, what: string, empty: () => T, read: (stdout: string) => T): T | Unreadable {
  if (output.exitCode === 127) return empty();
  return output.exitCode === 0 ? read(output.stdout) : unreadable(cannotRead(what, output.stderr, "list"));
}

function addVersions(packages: PackageVersions, name: string, versions: string[]): void {
  packages[name] = [...(Object.hasOwn(packages, name) ? (packages[name] ?? []) : []), ...versions];
}

// "name 1.0 1.1" lines (brew list --versions, pipx list --short).
function nameAndVersions(stdout: string): PackageVersions {
  const packages: PackageVersions = emptyRecord();
  for (const line of lines(stdout)) {
    const [name, ...versions] = line.trim().split(/\s+/);
    if (name && versions.length) addVersions(packages, name, versions);
  }
  return packages;
}

/**
 * Installed Homebrew formulae and their versions (brew list --versions).
 * `await host.getFact("BrewPackages")`; no arguments.
 */
export const BrewPackages = defineFact<undefined, PackageVersions>({
  name: "BrewPackages",
  description: "installed Homebrew formulae and versions",
  arguments: {},
  command: () => "brew list --formula --versions",
  parse: (output) => toolList(output, "the installed Homebrew formulae", emptyRecord<string[]>, nameAndVersions),
});

/**
 * Installed Homebrew casks and their versions (brew list --cask --versions).
 * `await host.getFact("BrewCasks")`; no arguments.
 */
export const BrewCasks = defineFact<undefined, PackageVersions>({
  name: "BrewCasks",
  description: "installed Homebrew casks and versions",
  arguments: {},
  command: () => "brew list --cask --versions",
  parse: (output) => toolList(output, "the installed Homebrew casks", emptyRecord<string[]>, nameAndVersions),
});

/**
 * Homebrew taps ("user/repo"), lowercased as brew names them.
 * `await host.getFact("BrewTaps")`; no arguments.
 */
export const BrewTaps = defineFact<undefined, string[]>({
  name: "BrewTaps",
  description: "Homebrew taps",
  arguments: {},
  command: () => "brew tap",
  parse: (output) =>
    toolList(
      output,
      "the Homebrew taps",
      () => [],
      (stdout) => lines(stdout).map((line) => line.trim().toLowerCase()),
    ),
});

/** An installed snap: its version and the channel it tracks. */
export interface SnapInfo {
  /** The installed version. */
  version: string;
  /** The channel it tracks ("latest/stable", "4.0/stable"), "" when none (a local install). */
  channel: string;
}

/**
 * Installed snaps with their version and tracked channel (snap list).
 * `await host.getFact("SnapPackages")`; no arguments.
 */
export const SnapPackages = defineFact<undefined, Record<string, SnapInfo>>({
  name: "SnapPackages",
  description: "installed snaps with their version and channel",
  arguments: {},
  command: () => "LC_ALL=C snap list --unicode=never --color=never",
  // "No snaps are installed yet." comes on stderr with exit 0.
  parse: (output) =>
    toolList(output, "the installed snaps", emptyRecord<SnapInfo>, (stdout) => {
      const snaps = emptyRecord<SnapInfo>();
      for (const line of lines(stdout).slice(1)) {
        const [name, version = "", , tracking = "-"] = line.trim().split(/\s+/);
        // A long channel is shortened with "/..." (or "/…"): the track and risk before it are kept.
        if (name) snaps[name] = { version, channel: tracking === "-" ? "" : tracking.replace(/\/(\.\.\.|…)$/, "") };
      }
      return snaps;
    }),
});

/**
 * Installed Ruby gems and their versions (gem list --local; "default: " versions included).
 * `await host.getFact("GemPackages")`; no arguments.
 */
export const GemPackages = defineFact<undefined, PackageVersions>({
  name: "GemPackages",
  description: "installed Ruby gems and versions",
  arguments: {},
  command: () => "LC_ALL=C gem list --local",
  parse: (output) =>
    toolList(output, "the installed gems", emptyRecord<string[]>, (stdout) => {
      const packages: PackageVersions = emptyRecord();
      for (const line of lines(stdout)) {
        // "nokogiri (1.15.4 x86_64-linux, 1.14.0)", "json (default: 2.6.3)"
        const match = /^(\S+) \((.*)\)$/.exec(line.trim());
        if (!match?.[1] || match[2] === undefined) continue;
        const versions = match[2]
          .split(",")
          .map(
            (v) =>
              v
                .trim()
                .replace(/^default:\s*/, "")
                .split(/\s+/)[0] ?? "",
          )
          .filter(Boolean);
        addVersions(packages, match[1], versions);
      }
      return packages;
    }),
});

/**
 * Applications installed with pipx and their versions (pipx list --short; names lowercased).
 * `await host.getFact("PipxPackages")`; no arguments.
 */
export const PipxPackages = defineFact<undefined, PackageVersions>({
  name: "PipxPackages",
  description: "applications installed with pipx and versions",
  arguments: {},
  command: () => "pipx list --short",
  parse: (output) =>
    toolList(output, "the pipx applications", emptyRecord<string[]>, (stdout) => {
      const packages: PackageVersions = emptyRecord();
      for (const [name, versions] of Object.entries(nameAndVersions(stdout)))
        addVersions(packages, name.toLowerCase().replace(/[_.]+/g, "-"), versions.slice(0, 1));
      return packages;
    }),
});

/**
 * pipx's settings (pipx environment): PIPX_HOME, PIPX_BIN_DIR, … with the values pipx uses.
 * `await host.getFact("PipxEnvironment")`; no arguments.
 */
export const PipxEnvironment = defineFact<undefined, Record<string, string>>({
  name: "PipxEnvironment",
  description: "pipx's settings (PIPX_HOME, PIPX_BIN_DIR, …)",
  arguments: {},
  command: () => "pipx environment",
  // Newer pipx lists the variables the user set (often empty) and then the values it derived: the
  // last non-empty value of each wins.
  parse: (output) =>
    toolList(output, "pipx's environment", emptyRecord<string>, (stdout) => {
      const settings = emptyRecord<string>();
      for (const line of lines(stdout)) {
        const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
        if (match?.[1] && match[2]) settings[match[1]] = match[2];
      }
      return settings;
    }),
});

/**
 * Crates installed with cargo install and their versions.
 * `await host.getFact("CargoPackages")`; no arguments.
 */
export const CargoPackages = defineFact<undefined, PackageVersions>({
  name: "CargoPackages",
  description: "crates installed with cargo install and versions",
  arguments: {},
  command: () => "cargo install --list",
  parse: (output) =>
    toolList(output, "the installed crates", emptyRecord<string[]>, (stdout) => {
      const packages: PackageVersions = emptyRecord();
      // "ripgrep v13.0.0:" (a source in parentheses for git or path installs), then its binaries indented.
      for (const line of lines(stdout)) {
        const match = /^(\S+) v(\S+?)(?: \(.*\))?:$/.exec(line);
        if (match?.[1] && match[2]) addVersions(packages, match[1], [match[2]]);
      }
      return packages;
    }),
});

/** The arguments of the FlatpakPackages fact. */
export interface FlatpakPackagesArgs {
  /** The current user's installation instead of the system's. */
  user?: boolean;
}

/**
 * Installed flatpak applications and runtimes by ID ("org.videolan.VLC").
 * `await host.getFact("FlatpakPackages", { user })`.
 */
export const FlatpakPackages = defineFact<FlatpakPackagesArgs, string[]>({
  name: "FlatpakPackages",
  description: "installed flatpak applications and runtimes",
  arguments: { user: { type: "boolean", description: "the user's installation instead of the system's" } },
  command: ({ user } = {}) => `flatpak list ${user ? "--user" : "--system"} --columns=application`,
  parse: (output) =>
    toolList(
      output,
      "the installed flatpaks",
      () => [],
      (stdout) => [
        ...new Set(
          lines(stdout)
            .map((line) => line.trim())
            .filter((id) => id !== "Application ID"),
        ),
      ],
    ),
});

/**
 * The PATH the operation's commands run with.
 * `await host.getFact("Path")`; no arguments.
 */
export const Path = defineFact<undefined, string[]>({
  name: "Path",
  description: "the directories of PATH",
  arguments: {},
  command: () => 'printf "%s\\n" "$PATH"',
  parse: ({ stdout }) => stdout.trim().split(":").filter(Boolean),
});

/**
 * Homebrew formulae and casks with a newer version (brew outdated --quiet).
 * `await host.getFact("BrewOutdated")`; no arguments.
 */
export const BrewOutdated = defineFact<undefined, string[]>({
  name: "BrewOutdated",
  description: "Homebrew formulae and casks with a newer version",
  arguments: {},
  command: () => "HOMEBREW_NO_AUTO_UPDATE=1 brew outdated --quiet",
  parse: (output) =>
    toolList(
      output,
      "the outdated Homebrew packages",
      () => [],
      (stdout) => lines(stdout).map((line) => line.trim()),
    ),
});

/** The arguments of the FlatpakRemotes fact. */
export interface FlatpakRemotesArgs {
  /** The current user's installation instead of the system's. */
  user?: boolean;
}

/**
 * The flatpak remotes configured ("flathub").
 * `await host.getFact("FlatpakRemotes", { user })`.
 */
export const FlatpakRemotes = defineFact<FlatpakRemotesArgs, string[]>({
  name: "FlatpakRemotes",
  description: "the flatpak remotes configured",
  arguments: { user: { type: "boolean", description: "the user's installation instead of the system's" } },
  command: ({ user } = {}) => `flatpak remotes ${user ? "--user" : "--system"} --columns=name`,
  parse: (output) =>
    toolList(
      output,
      "the flatpak remotes",
      () => [],
      (stdout) =>
        lines(stdout)
          .map((line) => line.trim())
          .filter((name) => name !== "Name"),
    ),
});
