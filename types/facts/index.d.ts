import * as docker from "./docker.js";
import type { Fact } from "./fact.js";
import * as files from "./files.js";
import * as git from "./git.js";
import * as hardware from "./hardware.js";
import * as mysql from "./mysql.js";
import * as network from "./network.js";
import * as npm from "./npm.js";
import * as packages from "./packages.js";
import * as pip from "./pip.js";
import * as postgres from "./postgres.js";
import * as server from "./server.js";
import * as services from "./services.js";
import * as ssh from "./ssh.js";
import * as system from "./system.js";
import * as toolPackages from "./tool-packages.js";
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
    readonly SystemdStatus: Fact<services.SystemdArgs | undefined, Record<string, boolean>>;
    /** Systemd unit files and whether each is enabled. */
    readonly SystemdEnabled: Fact<services.SystemdArgs | undefined, Record<string, boolean>>;
    /** The branch checked out in a git repository. */
    readonly GitBranch: Fact<services.GitBranchArgs, string | null>;
    /** A git clone's remote, branch, HEAD and the remote branch's commit. */
    readonly GitRepo: Fact<services.GitRepoArgs, services.GitRepoState>;
    /** Git configuration values. */
    readonly GitConfig: Fact<services.GitConfigArgs, Record<string, string[]>>;
    /** The remote branch a repository's checked-out branch tracks. */
    readonly GitTrackingBranch: Fact<git.GitTrackingBranchArgs, string | null>;
    /** A git working tree's HEAD, tracked branch and the remote branch's commit. */
    readonly GitWorktree: Fact<git.GitWorktreeArgs, false | git.GitWorktreeState | null>;
    /** A clone's submodules that are not initialised or not at their recorded commit. */
    readonly GitSubmodules: Fact<git.GitSubmodulesArgs, string[] | null>;
    /** Whether ~/.ssh/known_hosts holds a key for a host. */
    readonly SshKnownHost: Fact<ssh.SshKnownHostArgs, boolean>;
    /** A file's SHA-256 on another host, read over SSH from the host. */
    readonly SshRemoteFile: Fact<ssh.SshRemoteFileArgs, ssh.SshRemoteFileState>;
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
    /** The Docker engine's system info (docker system info). */
    readonly DockerSystemInfo: Fact<undefined, docker.DockerObject>;
    /** The docker client's version (docker --version). */
    readonly DockerVersion: Fact<undefined, string>;
    /** Every Docker container, as docker inspect prints it. */
    readonly DockerContainers: Fact<undefined, docker.DockerObject[]>;
    /** Every Docker image, as docker inspect prints it. */
    readonly DockerImages: Fact<undefined, docker.DockerObject[]>;
    /** Every Docker network, as docker inspect prints it. */
    readonly DockerNetworks: Fact<undefined, docker.DockerObject[]>;
    /** Every Docker volume, as docker inspect prints it. */
    readonly DockerVolumes: Fact<undefined, docker.DockerObject[]>;
    /** Every Docker plugin, as docker inspect prints it. */
    readonly DockerPlugins: Fact<undefined, docker.DockerObject[]>;
    /** A Docker container by name (docker inspect), or null. */
    readonly DockerContainer: Fact<docker.DockerObjectArgs, docker.DockerObject | null>;
    /** A Docker image by reference (docker inspect), or null. */
    readonly DockerImage: Fact<docker.DockerObjectArgs, docker.DockerObject | null>;
    /** A Docker network by name (docker inspect), or null. */
    readonly DockerNetwork: Fact<docker.DockerObjectArgs, docker.DockerObject | null>;
    /** A Docker volume by name (docker inspect), or null. */
    readonly DockerVolume: Fact<docker.DockerObjectArgs, docker.DockerObject | null>;
    /** A Docker plugin by name (docker inspect), or null. */
    readonly DockerPlugin: Fact<docker.DockerObjectArgs, docker.DockerObject | null>;
    /** The databases of a MySQL/MariaDB server with their character set and collation. */
    readonly MysqlDatabases: Fact<import("../util/mysql-sql.js").MysqlConnection, Record<string, mysql.MysqlDatabaseInfo>>;
    /** The accounts of a MySQL/MariaDB server with their privileges, TLS requirements and limits. */
    readonly MysqlUsers: Fact<import("../util/mysql-sql.js").MysqlConnection, Record<string, mysql.MysqlUserInfo>>;
    /** A MySQL/MariaDB account's privileges by database.table. */
    readonly MysqlUserGrants: Fact<mysql.MysqlUserGrantsArgs, Record<string, string[]>>;
    /** OpenRC services of a runlevel (and those started by hand) and whether each is started. */
    readonly OpenrcStatus: Fact<import("./openrc.js").OpenrcArgs | undefined, Record<string, boolean>>;
    /** OpenRC services and whether each is in a runlevel. */
    readonly OpenrcEnabled: Fact<import("./openrc.js").OpenrcArgs | undefined, Record<string, boolean>>;
    /** runit services and whether each is up. */
    readonly RunitStatus: Fact<import("./runit.js").RunitArgs | undefined, Record<string, boolean | null>>;
    /** runit services linked into the service directory. */
    readonly RunitManaged: Fact<import("./runit.js").RunitArgs | undefined, string[]>;
    /** upstart jobs and whether each is running. */
    readonly UpstartStatus: Fact<undefined, Record<string, boolean>>;
    /** launchd jobs and whether each is running. */
    readonly LaunchdStatus: Fact<undefined, Record<string, boolean>>;
    /** BSD rc.d services and whether each says it is running. */
    readonly RcdStatus: Fact<undefined, Record<string, boolean | null>>;
    /** PostgreSQL roles and their attributes (psql). */
    readonly PostgresRoles: Fact<import("./psql.js").PsqlConnection, Record<string, postgres.PostgresRole>>;
    /** PostgreSQL databases with owner, encoding, locale and limits (psql). */
    readonly PostgresDatabases: Fact<import("./psql.js").PsqlConnection, Record<string, postgres.PostgresDatabase>>;
    /** A PostgreSQL role's stored password hash (psql, as a superuser). */
    readonly PostgresRolePassword: Fact<postgres.PostgresRolePasswordArgs, string | null>;
    /** PostgreSQL roles (PostgresRoles). */
    readonly PostgresqlRoles: Fact<import("./psql.js").PsqlConnection, Record<string, postgres.PostgresRole>>;
    /** PostgreSQL databases (PostgresDatabases). */
    readonly PostgresqlDatabases: Fact<import("./psql.js").PsqlConnection, Record<string, postgres.PostgresDatabase>>;
    /** Whether pip install of a requirements file or spec would install nothing. */
    readonly PipInstallDryRun: Fact<pip.PipInstallDryRunArgs, boolean>;
    /** npm packages installed globally or in a directory. */
    readonly NpmPackages: Fact<npm.NpmPackagesArgs, packages.PackageVersions>;
    /** Installed Homebrew formulae and versions. */
    readonly BrewPackages: Fact<undefined, packages.PackageVersions>;
    /** Installed Homebrew casks and versions. */
    readonly BrewCasks: Fact<undefined, packages.PackageVersions>;
    /** Homebrew taps. */
    readonly BrewTaps: Fact<undefined, string[]>;
    /** Homebrew formulae and casks with a newer version. */
    readonly BrewOutdated: Fact<undefined, string[]>;
    /** Installed snaps with their version and channel. */
    readonly SnapPackages: Fact<undefined, Record<string, toolPackages.SnapInfo>>;
    /** Installed Ruby gems and versions. */
    readonly GemPackages: Fact<undefined, packages.PackageVersions>;
    /** Applications installed with pipx and versions. */
    readonly PipxPackages: Fact<undefined, packages.PackageVersions>;
    /** Pipx's settings (PIPX_HOME, PIPX_BIN_DIR, …). */
    readonly PipxEnvironment: Fact<undefined, Record<string, string>>;
    /** Crates installed with cargo install and versions. */
    readonly CargoPackages: Fact<undefined, packages.PackageVersions>;
    /** Installed flatpak applications and runtimes. */
    readonly FlatpakPackages: Fact<toolPackages.FlatpakPackagesArgs, string[]>;
    /** The flatpak remotes configured. */
    readonly FlatpakRemotes: Fact<toolPackages.FlatpakRemotesArgs, string[]>;
    /** The directories of PATH. */
    readonly Path: Fact<undefined, string[]>;
};
export type Facts = typeof facts;
export type FactName = keyof Facts;
/** The arguments a fact takes (undefined for none). */
export type FactArgs<K extends FactName> = Facts[K] extends Fact<infer A, unknown> ? A : never;
/** What a fact gives. */
export type FactResult<K extends FactName> = Facts[K] extends Fact<never, infer R> ? R : never;
export declare function factByName(name: string): Fact<unknown, unknown> | undefined;
