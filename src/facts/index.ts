// Every fact by its pyinfra name, for host.getFact and `infra-action fact`.
import { AuthorizedKeys } from "./access.js";
import { Ports } from "./aliases.js";
import { DebPackage } from "./deb-package.js";
import * as docker from "./docker.js";
import type { Fact } from "./fact.js";
import * as files from "./files.js";
import * as hardware from "./hardware.js";
import { InitdStatus } from "./initd-status.js";
import * as mysql from "./mysql.js";
import * as network from "./network.js";
import * as packages from "./packages.js";
import { SameFile } from "./same-file.js";
import * as server from "./server.js";
import * as services from "./services.js";
import * as system from "./system.js";
import * as users from "./users.js";

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
  /** A user's authorized SSH keys with its home and ~/.ssh ownership. */
  UserAuthorizedKeys: users.UserAuthorizedKeys,
  /** A user's password hash (/etc/shadow; needs _sudo). */
  UserPassword: users.UserPassword,
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
  /** Packages dnf would upgrade. */
  DnfUpgradable: packages.DnfUpgradable,
  /** Packages yum would update. */
  YumUpgradable: packages.YumUpgradable,
  /** Packages apk would upgrade. */
  ApkUpgradable: packages.ApkUpgradable,
  /** Installed pacman packages and versions. */
  PacmanPackages: packages.PacmanPackages,
  /** Packages pacman would upgrade. */
  PacmanUpgradable: packages.PacmanUpgradable,
  /** Packages zypper would update. */
  ZypperUpgradable: packages.ZypperUpgradable,
  /** The package an .rpm file holds. */
  RpmPackageFile: packages.RpmPackageFile,
  /** Whether a key file's signing keys are imported into rpm. */
  RpmKeyImported: packages.RpmKeyImported,
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
  /** TCP ports with a listening socket (ListeningPorts). */
  Ports,
  /** Every init.d service and whether its status says running. */
  InitdStatus,
  /** The release as lsb_release names it (null without lsb_release). */
  LsbRelease: system.LsbRelease,
  /** The Linux distribution's name (LinuxDistribution's name). */
  LinuxName: system.LinuxName,
  /** The OS version: the kernel release (uname -r). */
  OsVersion: system.OsVersion,
  /** Loaded kernel modules (/proc/modules). */
  KernelModules: system.KernelModules,
  /** Running processes by id (ps). */
  Processes: system.Processes,
  /** The time zone (/etc/timezone, /etc/localtime). */
  Timezone: system.Timezone,
  /** The locales available (locale -a). */
  Locales: system.Locales,
  /** Limits set in /etc/security/limits.conf. */
  SecurityLimits: system.SecurityLimits,
  /** Whether the host asks for a reboot. */
  RebootRequired: system.RebootRequired,
  /** The number of online CPUs (getconf). */
  Cpus: hardware.Cpus,
  /** The memory installed, in MB. */
  Memory: hardware.Memory,
  /** Mounted block devices and their usage (df). */
  BlockDevices: hardware.BlockDevices,
  /** Network devices with their MAC, MTU, state and addresses. */
  NetworkDevices: network.NetworkDevices,
  /** IPv4 addresses by network device. */
  Ipv4Addrs: network.Ipv4Addrs,
  /** The first IPv4 address of each network device. */
  Ipv4Addresses: network.Ipv4Addresses,
  /** The public keys in a user's ~/.ssh/authorized_keys. */
  AuthorizedKeys,
  /** A .deb file's (or installed package's) name and version. */
  DebPackage,
  /** The Docker engine's system info (docker system info). */
  DockerSystemInfo: docker.DockerSystemInfo,
  /** The docker client's version (docker --version). */
  DockerVersion: docker.DockerVersion,
  /** Every Docker container, as docker inspect prints it. */
  DockerContainers: docker.DockerContainers,
  /** Every Docker image, as docker inspect prints it. */
  DockerImages: docker.DockerImages,
  /** Every Docker network, as docker inspect prints it. */
  DockerNetworks: docker.DockerNetworks,
  /** Every Docker volume, as docker inspect prints it. */
  DockerVolumes: docker.DockerVolumes,
  /** Every Docker plugin, as docker inspect prints it. */
  DockerPlugins: docker.DockerPlugins,
  /** A Docker container by name (docker inspect), or null. */
  DockerContainer: docker.DockerContainer,
  /** A Docker image by reference (docker inspect), or null. */
  DockerImage: docker.DockerImage,
  /** A Docker network by name (docker inspect), or null. */
  DockerNetwork: docker.DockerNetwork,
  /** A Docker volume by name (docker inspect), or null. */
  DockerVolume: docker.DockerVolume,
  /** A Docker plugin by name (docker inspect), or null. */
  DockerPlugin: docker.DockerPlugin,
  /** The databases of a MySQL/MariaDB server with their character set and collation. */
  MysqlDatabases: mysql.MysqlDatabases,
  /** The accounts of a MySQL/MariaDB server with their privileges, TLS requirements and limits. */
  MysqlUsers: mysql.MysqlUsers,
  /** A MySQL/MariaDB account's privileges by database.table. */
  MysqlUserGrants: mysql.MysqlUserGrants,
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
