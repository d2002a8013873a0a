import type { Fact } from "./fact.js";
import * as files from "./files.js";
import * as hardware from "./hardware.js";
import * as network from "./network.js";
import * as packages from "./packages.js";
import * as server from "./server.js";
import * as services from "./services.js";
import * as system from "./system.js";
import * as users from "./users.js";
/** Every built-in fact by its pyinfra name: the names `host.getFact` and `infra-action fact` take. */
export declare const facts: {
    /** The operating system name (uname -s). */
    readonly Os: Fact<undefined, string>;
    /** The kernel name (uname -s). */
    readonly Kernel: Fact<undefined, string>;
    /** The kernel release (uname -r). */
    readonly KernelVersion: Fact<undefined, string>;
    /** The machine architecture (uname -m). */
    readonly Arch: Fact<undefined, string>;
    /** The host's own name (uname -n). */
    readonly Hostname: Fact<undefined, string>;
    /** The Linux distribution from /etc/os-release. */
    readonly LinuxDistribution: Fact<undefined, server.LinuxDistributionInfo>;
    /** Local users (/etc/passwd, /etc/group). */
    readonly Users: Fact<undefined, Record<string, server.UserInfo>>;
    /** Local group names (/etc/group). */
    readonly Groups: Fact<undefined, string[]>;
    /** A user's authorized SSH keys with its home and ~/.ssh ownership. */
    readonly UserAuthorizedKeys: Fact<users.UserArgs, users.UserAuthorizedKeysInfo | null>;
    /** A user's password hash (/etc/shadow; needs _sudo). */
    readonly UserPassword: Fact<users.UserArgs, string | null>;
    /** Where a command is installed (command -v). */
    readonly Which: Fact<server.WhichArgs, string | null>;
    /** The output of a shell command. */
    readonly Command: Fact<server.CommandArgs, string>;
    /** A user's home directory. */
    readonly Home: Fact<server.HomeArgs, string | null>;
    /** Kernel parameters (sysctl -a). */
    readonly Sysctl: Fact<undefined, Record<string, import("./fact.js").Unreadable | server.SysctlValue>>;
    /** Mounted filesystems (/proc/mounts). */
    readonly Mounts: Fact<undefined, Record<string, server.MountInfo>>;
    /** A user's crontab entries, by command. */
    readonly Crontab: Fact<server.CrontabArgs, Record<string, server.CrontabEntry>>;
    /** A regular file's owner, group, mode, size and mtime. */
    readonly File: Fact<files.PathArgs, false | files.FileInfo | null>;
    /** A directory's owner, group, mode, size and mtime. */
    readonly Directory: Fact<files.PathArgs, false | files.FileInfo | null>;
    /** A symbolic link's target, owner and mode. */
    readonly Link: Fact<files.PathArgs, false | files.LinkInfo | null>;
    /** A file's SHA-256 hash. */
    readonly Sha256File: Fact<files.PathArgs, string | null>;
    /** Lines of a file matching a pattern (grep -E). */
    readonly FindInFile: Fact<files.FindInFileArgs, string[] | null>;
    /** A file's metadata, SHA-256 and content (up to 1 MiB). */
    readonly FileContents: Fact<files.PathArgs, false | files.FileContentsInfo | null>;
    /** Names in a directory. */
    readonly DirectoryEntries: Fact<files.PathArgs, string[] | null>;
    /** SHA-256 of every file under a directory. */
    readonly DirectoryHashes: Fact<files.PathArgs, Record<string, string> | null>;
    /** Whether a path and a target are the same file (a hard link). */
    readonly SameFile: Fact<import("./same-file.js").SameFileArgs, import("./same-file.js").SameFileInfo>;
    /** Installed Debian packages and versions. */
    readonly DebPackages: Fact<undefined, packages.PackageVersions>;
    /** Installed RPM packages and versions. */
    readonly RpmPackages: Fact<undefined, packages.PackageVersions>;
    /** Installed Alpine packages and versions. */
    readonly ApkPackages: Fact<undefined, packages.PackageVersions>;
    /** Packages installed by pip. */
    readonly PipPackages: Fact<packages.PipPackagesArgs, packages.PackageVersions>;
    /** The host's package manager. */
    readonly PackageManager: Fact<undefined, packages.PackageManagerName | null>;
    /** Seconds since apt's package lists were last updated. */
    readonly AptListsAge: Fact<undefined, number | null>;
    /** Packages apt would upgrade. */
    readonly AptUpgradable: Fact<packages.AptUpgradableArgs, string[]>;
    /** Packages dnf would upgrade. */
    readonly DnfUpgradable: Fact<undefined, string[]>;
    /** Packages yum would update. */
    readonly YumUpgradable: Fact<undefined, string[]>;
    /** Packages apk would upgrade. */
    readonly ApkUpgradable: Fact<undefined, string[]>;
    /** Installed pacman packages and versions. */
    readonly PacmanPackages: Fact<undefined, packages.PackageVersions>;
    /** Packages pacman would upgrade. */
    readonly PacmanUpgradable: Fact<undefined, string[]>;
    /** Packages zypper would update. */
    readonly ZypperUpgradable: Fact<undefined, string[]>;
    /** The package an .rpm file holds. */
    readonly RpmPackageFile: Fact<packages.RpmPackageFileArgs, packages.RpmPackageFileInfo>;
    /** Whether a key file's signing keys are imported into rpm. */
    readonly RpmKeyImported: Fact<packages.RpmKeyImportedArgs, boolean>;
    /** Systemd units and whether each is active. */
    readonly SystemdStatus: Fact<undefined, Record<string, boolean>>;
    /** Systemd unit files and whether each is enabled. */
    readonly SystemdEnabled: Fact<undefined, Record<string, boolean>>;
    /** The branch checked out in a git repository. */
    readonly GitBranch: Fact<services.GitBranchArgs, string | null>;
    /** A git clone's remote, branch, HEAD and the remote branch's commit. */
    readonly GitRepo: Fact<services.GitRepoArgs, services.GitRepoState>;
    /** Git configuration values. */
    readonly GitConfig: Fact<services.GitConfigArgs, Record<string, string[]>>;
    /** Whether an /etc/init.d service reports running. */
    readonly InitdRunning: Fact<services.InitdRunningArgs, boolean | null>;
    /** TCP ports with a listening socket. */
    readonly ListeningPorts: Fact<undefined, number[]>;
    /** TCP ports with a listening socket (ListeningPorts). */
    readonly Ports: Fact<undefined, number[]>;
    /** Every init.d service and whether its status says running. */
    readonly InitdStatus: Fact<undefined, Record<string, boolean | null>>;
    /** The release as lsb_release names it (null without lsb_release). */
    readonly LsbRelease: Fact<undefined, system.LsbReleaseInfo | null>;
    /** The Linux distribution's name (LinuxDistribution's name). */
    readonly LinuxName: Fact<undefined, string | null>;
    /** The OS version: the kernel release (uname -r). */
    readonly OsVersion: Fact<undefined, string>;
    /** Loaded kernel modules (/proc/modules). */
    readonly KernelModules: Fact<undefined, Record<string, system.KernelModuleInfo>>;
    /** Running processes by id (ps). */
    readonly Processes: Fact<undefined, Record<string, system.ProcessInfo>>;
    /** The time zone (/etc/timezone, /etc/localtime). */
    readonly Timezone: Fact<undefined, string | null>;
    /** The locales available (locale -a). */
    readonly Locales: Fact<undefined, string[]>;
    /** Limits set in /etc/security/limits.conf. */
    readonly SecurityLimits: Fact<undefined, system.SecurityLimit[]>;
    /** Whether the host asks for a reboot. */
    readonly RebootRequired: Fact<undefined, boolean>;
    /** The number of online CPUs (getconf). */
    readonly Cpus: Fact<undefined, number | null>;
    /** The memory installed, in MB. */
    readonly Memory: Fact<undefined, number | null>;
    /** Mounted block devices and their usage (df). */
    readonly BlockDevices: Fact<undefined, Record<string, hardware.BlockDeviceInfo>>;
    /** Network devices with their MAC, MTU, state and addresses. */
    readonly NetworkDevices: Fact<undefined, Record<string, network.NetworkDeviceInfo>>;
    /** IPv4 addresses by network device. */
    readonly Ipv4Addrs: Fact<undefined, Record<string, string[]>>;
    /** The first IPv4 address of each network device. */
    readonly Ipv4Addresses: Fact<undefined, Record<string, string>>;
    /** The public keys in a user's ~/.ssh/authorized_keys. */
    readonly AuthorizedKeys: Fact<import("./access.js").AuthorizedKeysArgs, string[]>;
    /** A .deb file's (or installed package's) name and version. */
    readonly DebPackage: Fact<import("./deb-package.js").DebPackageArgs, import("./deb-package.js").DebPackageInfo | null>;
};
export type Facts = typeof facts;
export type FactName = keyof Facts;
/** The arguments a fact takes (undefined for none). */
export type FactArgs<K extends FactName> = Facts[K] extends Fact<infer A, unknown> ? A : never;
/** What a fact gives. */
export type FactResult<K extends FactName> = Facts[K] extends Fact<never, infer R> ? R : never;
export declare function factByName(name: string): Fact<unknown, unknown> | undefined;
