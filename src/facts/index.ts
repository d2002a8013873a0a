// Every fact by its pyinfra name, for host.getFact and `infra-action fact`.
import type { Fact } from "./fact.js";
import * as files from "./files.js";
import * as packages from "./packages.js";
import { SameFile } from "./same-file.js";
import * as server from "./server.js";
import * as services from "./services.js";

/** Every built-in fact by its pyinfra name: the names `host.getFact` and `infra-action fact` take. */
export const facts = {
  /** The operating system name (uname -s). */
  Os: server.Os,
  /** The kernel name (uname -s). */
  Kernel: server.Kernel,
  /** The kernel release (uname -r). */
  KernelVersion: server.KernelVersion,
  /** The machine architecture (uname -m). */
  Arch: server.Arch,
  /** The host's own name (uname -n). */
  Hostname: server.Hostname,
  /** The Linux distribution from /etc/os-release. */
  LinuxDistribution: server.LinuxDistribution,
  /** Local users (/etc/passwd, /etc/group). */
  Users: server.Users,
  /** Local group names (/etc/group). */
  Groups: server.Groups,
  /** Where a command is installed (command -v). */
  Which: server.Which,
  /** The output of a shell command. */
  Command: server.Command,
  /** A user's home directory. */
  Home: server.Home,
  /** Kernel parameters (sysctl -a). */
  Sysctl: server.Sysctl,
  /** Mounted filesystems (/proc/mounts). */
  Mounts: server.Mounts,
  /** A user's crontab entries, by command. */
  Crontab: server.Crontab,
  /** A regular file's owner, group, mode, size and mtime. */
  File: files.File,
  /** A directory's owner, group, mode, size and mtime. */
  Directory: files.Directory,
  /** A symbolic link's target, owner and mode. */
  Link: files.Link,
  /** A file's SHA-256 hash. */
  Sha256File: files.Sha256File,
  /** Lines of a file matching a pattern (grep -E). */
  FindInFile: files.FindInFile,
  /** A file's metadata, SHA-256 and content (up to 1 MiB). */
  FileContents: files.FileContents,
  /** Names in a directory. */
  DirectoryEntries: files.DirectoryEntries,
  /** SHA-256 of every file under a directory. */
  DirectoryHashes: files.DirectoryHashes,
  /** Whether a path and a target are the same file (a hard link). */
  SameFile,
  /** Installed Debian packages and versions. */
  DebPackages: packages.DebPackages,
  /** Installed RPM packages and versions. */
  RpmPackages: packages.RpmPackages,
  /** Installed Alpine packages and versions. */
  ApkPackages: packages.ApkPackages,
  /** Packages installed by pip. */
  PipPackages: packages.PipPackages,
  /** The host's package manager. */
  PackageManager: packages.PackageManager,
  /** Seconds since apt's package lists were last updated. */
  AptListsAge: packages.AptListsAge,
  /** Packages apt would upgrade. */
  AptUpgradable: packages.AptUpgradable,
  /** Systemd units and whether each is active. */
  SystemdStatus: services.SystemdStatus,
  /** Systemd unit files and whether each is enabled. */
  SystemdEnabled: services.SystemdEnabled,
  /** The branch checked out in a git repository. */
  GitBranch: services.GitBranch,
  /** A git clone's remote, branch, HEAD and the remote branch's commit. */
  GitRepo: services.GitRepo,
  /** Git configuration values. */
  GitConfig: services.GitConfig,
  /** Whether an /etc/init.d service reports running. */
  InitdRunning: services.InitdRunning,
  /** TCP ports with a listening socket. */
  ListeningPorts: services.ListeningPorts,
} as const;

export type Facts = typeof facts;
export type FactName = keyof Facts;
/** The arguments a fact takes (undefined for none). */
export type FactArgs<K extends FactName> = Facts[K] extends Fact<infer A, unknown> ? A : never;
/** What a fact gives. */
export type FactResult<K extends FactName> = Facts[K] extends Fact<never, infer R> ? R : never;

// The fact of a name, or undefined.
export function factByName(name: string): Fact<unknown, unknown> | undefined {
  return (facts as Record<string, Fact<unknown, unknown>>)[name];
}
