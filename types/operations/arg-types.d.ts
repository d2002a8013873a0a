/** One string, or a list of them: `"nginx"` or `["nginx", "curl"]`. */
export type StringOrList = string | string[];
/** A file mode: 3 or 4 octal digits as a string, `"640"`, `"0755"`. A number is refused (0o640 is the number 416). */
export type Mode = string;
/** Owner, group and mode of what the operation writes; each left as it is when not given. */
interface Ownership {
    /** The owning user (chown). Left as it is when not given. */
    user?: string;
    /** The owning group (chown :group). Left as it is when not given. */
    group?: string;
    /** The mode as octal digits in a string, `"644"`, `"0755"`. Left as it is when not given. */
    mode?: Mode;
}
/** The arguments every package operation takes (`server.packages`, `apt`, `dnf`, `yum`, `apk`). */
export interface PackagesArgs {
    /** The packages: a name or a list; `name=version` pins a version (apt, dnf, yum, apk, zypper; `name-version` too for dnf/yum). Options go in `extra_install_args`. */
    packages: StringOrList;
    /** `true` (default): install them; `false`: remove the installed ones. */
    present?: boolean;
    /** Also upgrade them when an upgrade is available. Default `false`. */
    latest?: boolean;
    /** Refresh the package lists before installing (apt-get update, dnf/yum makecache, apk update). Default `false`. */
    update?: boolean;
    /** With `update`: refresh only when the lists are older than this many seconds (apt; others always refresh). */
    cache_time?: number;
    /** Extra options for the install command, e.g. `"--no-install-recommends"`. */
    extra_install_args?: StringOrList;
    /** Extra options for the remove command. */
    extra_uninstall_args?: StringOrList;
}
/** The arguments every init system's `service` operation takes (`openrc`, `sysvinit`, `upstart`, `bsdinit`). */
export interface InitServiceArgs {
    /** The service's name, `"nginx"` (systemd: `nginx.service` is meant unless a unit suffix is given). */
    service: string;
    /** `true` (default): start it if stopped; `false`: stop it if running. */
    running?: boolean;
    /** Restart it (always a change; a service just started is not restarted again). Default `false`. */
    restarted?: boolean;
    /** Reload it when it runs (always a change; not with `restarted`). Default `false`. */
    reloaded?: boolean;
    /** One more verb of the service manager, run after the others (always a change): `"configtest"`. */
    command?: string;
    /** `true` starts it at boot, `false` does not; left as it is when not given. */
    enabled?: boolean;
}
/** The arguments of `server.service` and `systemd.service`. */
export interface ServiceArgs extends InitServiceArgs {
    /** systemd: run `systemctl daemon-reload` first (always a change). Default `false`. */
    daemon_reload?: boolean;
}
/** Which systemd manager a systemd operation talks to (the system's when none is given). */
export interface SystemdManagerArgs {
    /** A user's manager (`systemctl --user`). Default `false`. */
    user_mode?: boolean;
    /** Another machine or container (`systemctl --machine`). */
    machine?: string;
    /** With `user_mode`: this user's manager, run as that user with its XDG_RUNTIME_DIR (needs root: `_sudo`). */
    user_name?: string;
}
/** Where a runit service lives. */
interface RunitDirs {
    /** The service's name: its directory in `sourcedir`. */
    service: string;
    /** The service directory runsvdir watches (SVDIR). Default `"/var/service"` (Debian: `"/etc/service"`). */
    svdir?: string;
    /** Where service directories are defined. Default `"/etc/sv"`. */
    sourcedir?: string;
}
/** The operations of each family by name, as deploy files call them: `files.template` is `OperationFamilies["files"]["template"]`. */
export interface OperationFamilies {
    /** server.*: shell commands and scripts, users and groups, packages, services, hostname, sysctl, crontab, mounts, reboot, waiting for a port. */
    server: ServerOperations;
    /** apt.*: Debian and Ubuntu packages, package lists, upgrades, repositories and keys. */
    apt: AptOperations;
    /** dnf.*: Fedora and RHEL packages. */
    dnf: DnfOperations;
    /** yum.*: RHEL and CentOS packages. */
    yum: YumOperations;
    /** apk.*: Alpine packages. */
    apk: ApkOperations;
    /** pacman.*: Arch Linux packages. */
    pacman: PacmanOperations;
    /** zypper.*: openSUSE and SLES packages. */
    zypper: ZypperOperations;
    /** files.*: files, directories, links, uploads, templates, line edits, downloads and syncs. */
    files: FilesOperations;
    /** git.*: clones kept at a branch's latest commit, working trees, bare repositories and git config values. */
    git: GitOperations;
    /** pip.*: Python packages and virtualenvs. */
    pip: PipOperations;
    /** systemd.*: services and daemon-reload. */
    systemd: SystemdOperations;
    /** docker.*: containers, images, networks, volumes and plugins of the host's Docker engine, and pruning. */
    docker: DockerOperations;
    /** mysql.*: MySQL/MariaDB users, databases and privileges, SQL, dumps and loads (the mysql client on the host). */
    mysql: MysqlOperations;
    /** openrc.*: OpenRC services and their runlevels. */
    openrc: OpenrcOperations;
    /** sysvinit.*: /etc/init.d services and their runlevel links. */
    sysvinit: SysvinitOperations;
    /** runit.*: runit services, their links into the service directory and their down files. */
    runit: RunitOperations;
    /** upstart.*: upstart jobs. */
    upstart: UpstartOperations;
    /** launchd.*: launchd jobs (macOS). */
    launchd: LaunchdOperations;
    /** bsdinit.*: BSD rc.d services. */
    bsdinit: BsdinitOperations;
    /** postgres.*: PostgreSQL roles and databases, SQL, dumps and loads, through psql on the host. */
    postgres: PostgresOperations;
    /** ssh.*: from the host to another host over SSH: known host keys, commands, scp uploads and downloads. */
    ssh: SshOperations;
    /** npm.*: Node.js packages, globally or in a project directory. */
    npm: NpmOperations;
    /** pipx.*: Python applications, each in its own virtualenv. */
    pipx: PipxOperations;
    /** gem.*: Ruby gems. */
    gem: GemOperations;
    /** cargo.*: Rust crates installed with cargo install. */
    cargo: CargoOperations;
    /** brew.*: Homebrew formulae, casks, taps, updates and upgrades. */
    brew: BrewOperations;
    /** snap.*: snaps from the Snap Store. */
    snap: SnapOperations;
    /** flatpak.*: flatpak applications, runtimes and remotes. */
    flatpak: FlatpakOperations;
    /** python.*: functions of the deploy code run on this machine at their place in the apply order (pyinfra's names). */
    python: PythonOperations;
}
/** The server.* operations' own arguments, by operation. */
export interface ServerOperations {
    /** Run shell commands (always a change: infra-action cannot know what they do). */
    shell: {
        /** The command, or the commands to run in order; the first that fails stops the operation. */
        commands: StringOrList;
    };
    /** Upload a local script and run it (always a change). */
    script: {
        /** The script on this machine: relative to the working directory, else to the deploy file. */
        src: string;
        /** Arguments given to the script, each quoted. */
        args?: StringOrList;
    };
    /** Render a local Jinja2 template into a script (variables as files.template's), upload it and run it (always a change). */
    script_template: {
        /** The Jinja2 template on this machine: relative to the working directory, else to the deploy file. */
        src: string;
        /** Arguments given to the script, each quoted. */
        args?: StringOrList;
        /** Jinja2 Environment settings for this template, as files.template's. */
        jinja_env_kwargs?: FilesOperations["template"]["jinja_env_kwargs"];
        /** Template variables whose names cannot be arguments (`src`, `args`, `_x`…); they win over the rest. */
        variables?: Record<string, unknown>;
        /** Any other argument is a template variable of that name. */
        [variable: string]: unknown;
    };
    /** Make sure a user exists (with its home, shell, groups, uid, comment) or does not. */
    user: {
        /** The user's name. */
        user: string;
        /** `true` (default): the user exists; `false`: it is deleted (userdel). */
        present?: boolean;
        /** The home directory; left as it is when not given. */
        home?: string;
        /** The login shell, `"/bin/bash"`; left as it is when not given. */
        shell?: string;
        /** The primary group; left as it is when not given. */
        group?: string;
        /** Supplementary groups: exactly these, or (with `append`) at least these. */
        groups?: string[];
        /** With `groups`: add the user to them, keeping its other groups. Default `false`. */
        append?: boolean;
        /** The user id; left as it is when not given. */
        uid?: number;
        /** Create a system account (useradd -r). Default `false`. */
        system?: boolean;
        /** The comment (GECOS) field, often the full name. */
        comment?: string;
        /** Create the home directory with a new user. Default `true`. */
        create_home?: boolean;
        /** SSH public key lines to add to ~/.ssh/authorized_keys (0700 directory, 0600 file, owned by the user). */
        public_keys?: string[];
        /** With `public_keys`: remove the keys not listed. Default `false`. */
        delete_keys?: boolean;
        /** The password as a crypt hash (`openssl passwd -6`), set with usermod -p; plans say "password set", never the hash. */
        password?: string;
        /** Make sure the home directory exists and is owned by the user (for an existing user, or with create_home false). Default `false`. */
        ensure_home?: boolean;
    };
    /** Put SSH public keys in a user's ~/.ssh/authorized_keys (delete_keys: remove the others). */
    user_authorized_keys: {
        /** The user's name. */
        user: string;
        /** SSH public key lines ("ssh-ed25519 AAAA… comment"). */
        public_keys: string[];
        /** Remove the keys not listed. Default `false`. */
        delete_keys?: boolean;
    };
    /** Set the host's time zone (/etc/localtime, and /etc/timezone where it exists). */
    timezone: {
        /** The time zone's name under /usr/share/zoneinfo: `"Europe/Paris"`, `"Etc/UTC"`. */
        timezone: string;
    };
    /** Enable a locale in /etc/locale.gen and generate it (present false: disable it). */
    locale: {
        /** The locale, as /etc/locale.gen names it: `"en_US.UTF-8"`. */
        locale: string;
        /** `true` (default): enabled and generated; `false`: commented out in /etc/locale.gen. */
        present?: boolean;
    };
    /** Load a kernel module (modprobe) or, with present false, unload it (modprobe -r). */
    modprobe: {
        /** The module's name: `"br_netfilter"`. */
        module: string;
        /** `true` (default): loaded; `false`: unloaded. */
        present?: boolean;
        /** Pass -f to modprobe (ignore version magic). Default `false`. */
        force?: boolean;
    };
    /** Send a signal (default TERM) to the processes of a name, when any is running (pkill -x). */
    kill: {
        /** The process name as ps shows it (at most 15 characters): `"nginx"`. */
        process: string;
        /** The signal's name or number: `"TERM"` (default), `"HUP"`, `"KILL"`, `9`. */
        signal?: string | number;
    };
    /** Set a pam_limits line (domain, limit_type, item, value) in /etc/security/limits.conf. */
    security_limit: {
        /** Who it applies to: a user, `"@group"` or `"*"`. */
        domain: string;
        /** `"soft"`, `"hard"` or `"-"` (both). */
        limit_type: "soft" | "hard" | "-";
        /** The resource: `"nofile"`, `"nproc"`, `"memlock"`, …. */
        item: string;
        /** The limit: a number or `"unlimited"`. */
        value: string | number;
    };
    /** Make sure a group exists (or does not). */
    group: {
        /** The group's name. */
        group: string;
        /** `true` (default): the group exists; `false`: it is deleted (groupdel). */
        present?: boolean;
        /** Create a system group (groupadd -r). Default `false`. */
        system?: boolean;
        /** The group id of a new group. */
        gid?: number;
    };
    /** Install or remove packages with the host's package manager (apt, dnf, yum, apk, zypper or pacman; latest and cache_time go to it). */
    packages: PackagesArgs;
    /** Start, stop, restart or reload a service with the init system the host runs (systemd, OpenRC, upstart, /etc/init.d, BSD rc.d). */
    service: ServiceArgs;
    /** Mount a filesystem at a path (remounting it when options are missing), or unmount it (mounted false). */
    mount: {
        /** The mount point, absolute: `"/mnt/data"`. */
        path: string;
        /** `true` (default): mounted; `false`: unmounted (umount). */
        mounted?: boolean;
        /** Mount options, one per item: `["ro", "noexec"]`. When mounted without one of them, it is remounted with them all. */
        options?: StringOrList;
        /** What to mount: `"/dev/sdb1"`, `"tmpfs"`; without it mount reads /etc/fstab. */
        device?: string;
        /** The filesystem type (mount -t): `"ext4"`, `"tmpfs"`. */
        fs_type?: string;
    };
    /** Set the host's name (and /etc/hostname). */
    hostname: {
        /** The name: letters, digits, `.` and `-`. */
        hostname: string;
    };
    /** Set a kernel parameter (persist: also in persist_file). */
    sysctl: {
        /** The parameter, `"net.ipv4.ip_forward"`. */
        key: string;
        /** Its value; a list of numbers is written space-separated. */
        value: string | number | number[];
        /** Also write `key = value` to `persist_file` so it survives a reboot. Default `false`. */
        persist?: boolean;
        /** The file `persist` writes. Default `"/etc/sysctl.conf"`. */
        persist_file?: string;
    };
    /** Make sure a crontab entry exists with its schedule (or does not). No field may hold a line break. */
    crontab: {
        /** The command; it identifies the entry (one entry per command). */
        command: string;
        /** `true` (default): the entry exists; `false`: it is removed. */
        present?: boolean;
        /** Whose crontab; default the user the operation runs as. */
        user?: string;
        /** Cron minute field, `"0,30"` or `15`. Default `"*"` (every minute). */
        minute?: string | number;
        /** Cron hour field. Default `"*"`. */
        hour?: string | number;
        /** Cron month field. Default `"*"`. */
        month?: string | number;
        /** Cron day-of-week field (0-7, Sunday is 0 or 7). Default `"*"`. */
        day_of_week?: string | number;
        /** Cron day-of-month field. Default `"*"`. */
        day_of_month?: string | number;
        /** A cron shorthand used instead of the five fields, `"@reboot"`, `"@daily"`. */
        special_time?: "@reboot" | "@yearly" | "@annually" | "@monthly" | "@weekly" | "@daily" | "@midnight" | "@hourly";
    };
    /** Reboot the host and wait for it to come back (always a change). */
    reboot: {
        /** Seconds to wait after asking for the reboot before checking whether the host is back. Default `10`. */
        delay?: number;
        /** Seconds between checks. Default `1`. */
        interval?: number;
        /** Seconds to wait for the host to come back before failing. Default `300`. */
        reboot_timeout?: number;
    };
    /** Wait until something listens on a TCP port of the host (at most timeout seconds). */
    wait: {
        /** The TCP port (1-65535). */
        port: number;
        /** Seconds to wait before failing. Default `60`. */
        timeout?: number;
    };
}
/** The apt.* operations' own arguments, by operation. */
export interface AptOperations {
    /** Install (present), remove (present: false) or upgrade (latest) Debian packages; update refreshes the lists first. */
    packages: PackagesArgs;
    /** Refresh the package lists (apt-get update), unless they are younger than cache_time seconds. */
    update: {
        /** Skip the refresh when the lists are younger than this many seconds; default: always refresh. */
        cache_time?: number;
    };
    /** Upgrade installed packages (dist_upgrade: also install or remove what upgrades need). */
    upgrade: {
        /** Then remove packages nothing needs any more (apt-get autoremove). Default `false`. */
        auto_remove?: boolean;
        /** apt-get dist-upgrade instead of upgrade. Default `false`. */
        dist_upgrade?: boolean;
    };
    /** Add (or remove) an APT source line in /etc/apt/sources.list.d/<filename>.list. */
    repo: {
        /** The source line, `"deb [signed-by=/etc/apt/keyrings/x.asc] https://… bookworm main"`. */
        src: string;
        /** `true` (default): the line is in the file; `false`: it is removed. */
        present?: boolean;
        /** The file's name without `.list`; default one made from `src`. */
        filename?: string;
    };
    /** Download a repository signing key (src URL, or keyid from keyserver) to a keyring file (for signed-by=), unless it is there; a .gpg dest is dearmored. */
    key: {
        /** The key's URL (or give keyserver and keyid instead). */
        src?: string;
        /** The keyring file; default `/etc/apt/keyrings/<the URL's file name>` or `/etc/apt/keyrings/<keyid>.gpg`. A `.gpg` file gets the binary (dearmored) key. */
        dest?: string;
        /** A keyserver to receive keyid from (`hkps://keyserver.example`), with gpg. */
        keyserver?: string;
        /** The key's hex id or fingerprint on keyserver. */
        keyid?: string;
        /** `true` (default): the keyring file is there; `false`: it is removed. */
        present?: boolean;
    };
    /** Install a .deb file on the host (with its dependencies) unless its version is installed; present: false removes its package. */
    deb: {
        /** The .deb file's path on the host (URLs are refused: download it first with files.download). */
        src: string;
        /** `true` (default): installed; `false`: the package the file names is removed. */
        present?: boolean;
        /** Reinstall even when that version is installed. Default `false`. */
        force?: boolean;
    };
    /** Upgrade installed packages with apt-get dist-upgrade (installing or removing what upgrades need). */
    dist_upgrade: {
        /** Then remove packages nothing needs any more (apt-get autoremove). Default `false`. */
        auto_remove?: boolean;
    };
    /** Add (or remove) an Ubuntu PPA with add-apt-repository (always a change, as in pyinfra). */
    ppa: {
        /** The PPA, `"ppa:<owner>/<name>"`. */
        src: string;
        /** `true` (default): added; `false`: removed (add-apt-repository --remove). */
        present?: boolean;
    };
}
/** The dnf.* operations' own arguments, by operation. */
export interface DnfOperations {
    /** Upgrade all installed packages (dnf update) unless dnf check-update finds none. Takes no arguments. */
    update: Record<string, never>;
    /** Install or remove Fedora/RHEL packages with dnf. */
    packages: PackagesArgs;
    /** Add (or remove) a repository: /etc/yum.repos.d/<src>.repo written from its settings. */
    repo: RpmRepoArgs;
    /** Install an .rpm file (a path on the host or a URL) unless that version is installed. */
    rpm: {
        /** The .rpm's absolute path on the host, or its URL. */
        src: string;
        /** `true` (default): installed; `false`: its package removed. */
        present?: boolean;
    };
    /** Import a signing key into rpm (rpm --import) unless its keys are imported. */
    key: {
        /** The key file's absolute path on the host, or its URL. */
        src: string;
    };
}
/** The yum.* operations' own arguments, by operation. */
export interface YumOperations {
    /** Upgrade all installed packages (yum update) unless yum check-update finds none. Takes no arguments. */
    update: Record<string, never>;
    /** Install or remove RHEL/CentOS packages with yum. */
    packages: PackagesArgs;
    /** Add (or remove) a repository: /etc/yum.repos.d/<src>.repo written from its settings. */
    repo: RpmRepoArgs;
    /** Install an .rpm file (a path on the host or a URL) unless that version is installed. */
    rpm: {
        /** The .rpm's absolute path on the host, or its URL. */
        src: string;
        /** `true` (default): installed; `false`: its package removed. */
        present?: boolean;
    };
    /** Import a signing key into rpm (rpm --import) unless its keys are imported. */
    key: {
        /** The key file's absolute path on the host, or its URL. */
        src: string;
    };
}
/** The apk.* operations' own arguments, by operation. */
export interface ApkOperations {
    /** Install or remove Alpine packages with apk. */
    packages: PackagesArgs;
    /** Refresh the package indexes (apk update; always a change). Takes no arguments. */
    update: Record<string, never>;
    /** Upgrade all installed packages (apk upgrade) unless none has an upgrade. */
    upgrade: {
        /** Also replace packages by the versions the repositories have (apk upgrade --available, for a release upgrade; always a change). Default `false`. */
        available?: boolean;
    };
}
/** The arguments of `dnf.repo` and `yum.repo` (pyinfra's names). */
export interface RpmRepoArgs {
    /** The repository's name (`"epel"`): the file is `/etc/yum.repos.d/<src>.repo`. */
    src: string;
    /** `true` (default): write the file; `false`: remove it. */
    present?: boolean;
    /** The repository's URL; needed unless `present: false`. */
    baseurl?: string;
    /** Its human name (`name=` in the file). Default: `src`. */
    description?: string;
    /** Default `true`. */
    enabled?: boolean;
    /** Check package signatures. Default `true`. */
    gpgcheck?: boolean;
    /** The signing key's URL (`file:///etc/pki/rpm-gpg/…` or https). */
    gpgkey?: string;
    /** The repository type. Default `"rpm-md"`. */
    type?: string;
}
/** The pacman.* operations' own arguments, by operation. */
export interface PacmanOperations {
    /** Install, remove or upgrade Arch packages with pacman. */
    packages: PackagesArgs;
    /** Refresh the package databases (pacman -Sy; always a change). Takes no arguments. */
    update: Record<string, never>;
    /** Upgrade all installed packages (pacman -Su) unless pacman -Qu lists none. Takes no arguments. */
    upgrade: Record<string, never>;
}
/** The zypper.* operations' own arguments, by operation. */
export interface ZypperOperations {
    /** Install, remove or upgrade openSUSE/SLES packages with zypper. */
    packages: PackagesArgs;
    /** Add (or remove) a repository: /etc/zypp/repos.d/<src>.repo written from its settings. */
    repo: RpmRepoArgs;
    /** Install an .rpm file (a path on the host or a URL) unless that version is installed. */
    rpm: {
        /** The .rpm's absolute path on the host, or its URL. */
        src: string;
        /** `true` (default): installed; `false`: its package removed. */
        present?: boolean;
    };
    /** Import a signing key into rpm (rpm --import) unless its keys are imported. */
    key: {
        /** The key file's absolute path on the host, or its URL. */
        src: string;
    };
    /** Upgrade all installed packages (zypper update) unless zypper list-updates finds none. Takes no arguments. */
    update: Record<string, never>;
}
/** The files.* operations' own arguments, by operation. */
export interface FilesOperations {
    /** Make sure a regular file exists (or not), with its owner, group and mode. */
    file: Ownership & {
        /** The file on the host. */
        path: string;
        /** `true` (default): the file exists (created empty if missing); `false`: it is removed. */
        present?: boolean;
        /** Update the time of an existing file (always a change). Default `false`. */
        touch?: boolean;
        /** Create the parent directory when missing. Default `true`. */
        create_remote_dir?: boolean;
        /** Replace something else at `path` (a directory, a link). Default `false`: refuse. */
        force?: boolean;
    };
    /** Make sure a directory exists (or not), with its owner, group and mode. */
    directory: Ownership & {
        /** The directory on the host (created with its parents). */
        path: string;
        /** `true` (default): the directory exists; `false`: it is removed with what it holds. */
        present?: boolean;
        /** Apply `user`, `group` and `mode` to everything inside too (-R). Default `false`. */
        recursive?: boolean;
        /** Replace a file at `path` by the directory. Default `false`: refuse. */
        force?: boolean;
    };
    /** Upload a local file (`src`) or given content (`content`) when the remote copy differs; shows a diff in the plan. */
    put: Ownership & {
        /** The file on this machine: relative to the working directory, else to the deploy file. Give `src` or `content`. */
        src?: string;
        /** The file's content: a string (written as UTF-8) or a Buffer (byte for byte). Give `src` or `content`. */
        content?: string | Buffer;
        /** The file on the host. */
        dest: string;
        /** Create the parent directory when missing. Default `true`. */
        create_remote_dir?: boolean;
    };
    /**
     * Render a Jinja2 template and upload it when it differs; shows a diff in the plan. Every other argument
     * is a template variable, as are `host` and `inventory`.
     */
    template: Ownership & {
        /** The Jinja2 template on this machine: relative to the working directory, else to the deploy file. */
        src: string;
        /** The rendered file on the host. */
        dest: string;
        /** Create the parent directory when missing. Default `true`. */
        create_remote_dir?: boolean;
        /** Jinja2 Environment settings for this template (Jinja2's names). */
        jinja_env_kwargs?: {
            /** Drop the first newline after a block tag. Default `false`. */
            trim_blocks?: boolean;
            /** Strip spaces and tabs before a block tag on its line. Default `false`. */
            lstrip_blocks?: boolean;
            /** Keep the template's final newline. Default `true` (as pyinfra renders). */
            keep_trailing_newline?: boolean;
            /** What an undefined variable does: `"strict"` (default) fails, `"default"` prints nothing, `"chainable"` also allows `.attr` on it, `"ansible"` fails when used but allows `.attr` (so `| default` ends a chain). */
            undefined?: "strict" | "default" | "chainable" | "ansible" | "StrictUndefined" | "Undefined" | "ChainableUndefined" | "AnsibleUndefined";
            /** Render as Ansible's template module does (for templates from Ansible roles): trim_blocks, AnsibleUndefined, a printed None is nothing, Ansible's trailing newlines. Default `false`. */
            ansible?: boolean;
        };
        /** Template variables whose names cannot be arguments (`_x`, `name`, `dest`, `mode`…); they win over the rest. */
        variables?: Record<string, unknown>;
        /** Any other argument is a template variable of that name. */
        [variable: string]: unknown;
    };
    /** Make sure lines matching a pattern are present (appended, or matching lines replaced by `replace`) or absent. */
    line: {
        /** The file on the host. */
        path: string;
        /** A regular expression matched against each line (anywhere in it unless anchored with `^`); appended (or `replace` is) when none match. One line. */
        line: string;
        /** `true` (default): a matching line is there; `false`: every matching line is removed. */
        present?: boolean;
        /** The text matching lines become (appended when none match). One line. */
        replace?: string;
        /** Match `line` as plain text, not a regular expression. Default `false`. */
        escape_regex_characters?: boolean;
        /** Only `true` (the default): an appended line always goes on a line of its own. */
        ensure_newline?: true;
    };
    /** Replace every match of a regular expression in a file. */
    replace: {
        /** The file on the host; it must exist. */
        path: string;
        /** The regular expression (JavaScript syntax); every match is replaced. */
        text: string;
        /** The replacement (`$1` for a group). Default `""`: matches are deleted. */
        replace?: string;
        /** Regular expression flags among `i`, `m`, `s` and `u`. */
        flags?: string;
    };
    /** Make sure lines marked by `# BEGIN INFRA-ACTION BLOCK` / `# END INFRA-ACTION BLOCK` (or your `marker`) hold `content` (added at the end, the start, or before/after a `line`), or are removed; shows a diff in the plan. */
    block: {
        /** The file on the host (created when missing and `present`). */
        path: string;
        /** The lines between the markers: a string (one final line break dropped) or a list of lines. Required when `present`. */
        content?: string | string[];
        /** `true` (default): the marked block holds `content`; `false`: every marked block is removed. */
        present?: boolean;
        /** A regular expression (matched anywhere in a line): a new block goes before or after the first matching line, else at the end. */
        line?: string;
        /** Copy the file to `<path>.<time>` before changing it. Default `false`. */
        backup?: boolean;
        /** Match `line` as plain text, not a regular expression. Default `false`. */
        escape_regex_characters?: boolean;
        /** Accepted for pyinfra's deploys: the content is written as a file and never seen by a shell. */
        try_prevent_shell_expansion?: boolean;
        /** With `line`: a new block goes before the matching line. Without `line`, `before` and `after` both `true` put it at the start. */
        before?: boolean;
        /** With `line`: a new block goes after the matching line. */
        after?: boolean;
        /** The marker lines, `{mark}` standing for `begin` or `end`. Default `"# {mark} INFRA-ACTION BLOCK"`; without it a block marked with pyinfra's `"# {mark} PYINFRA BLOCK"` is found too. */
        marker?: string;
        /** `{mark}` in the first marker. Default `"BEGIN"`. */
        begin?: string;
        /** `{mark}` in the last marker. Default `"END"`. */
        end?: string;
    };
    /** Copy a file, directory or link on the host into the directory `dest` (keeping its name, mode and times); an existing copy that differs is replaced only with `overwrite: true`. */
    copy: {
        /** The file, directory or link on the host to copy. */
        src: string;
        /** An existing directory on the host: the copy is `dest/<name of src>`. */
        dest: string;
        /** Replace what is at `dest/<name of src>` when it differs from `src`. Default `false`: refuse. */
        overwrite?: boolean;
    };
    /** Move a file, directory or link on the host into the directory `dest` (keeping its name); something already there is replaced only with `overwrite: true`. */
    move: {
        /** The file, directory or link on the host to move. Once moved (missing, with `dest/<name>` there), nothing to do. */
        src: string;
        /** An existing directory on the host: `src` becomes `dest/<name of src>`. */
        dest: string;
        /** Replace what is at `dest/<name of src>`. Default `false`: refuse. */
        overwrite?: boolean;
    };
    /** Make sure a symbolic link (or, with symbolic: false, a hard link) points at its target, or does not exist. */
    link: {
        /** The link on the host. */
        path: string;
        /** What it points at; required unless `present: false`. An absolute path for a hard link. */
        target?: string;
        /** `true` (default): the link exists; `false`: it is removed. */
        present?: boolean;
        /** `true` (default): a symbolic link; `false`: a hard link (target must then be an absolute path). */
        symbolic?: boolean;
        /** Create the parent directory when missing. Default `true`. */
        create_remote_dir?: boolean;
        /** Replace another file at `path`. Default `false`: refuse. */
        force?: boolean;
        /** The link's owner (chown -h); left as it is when not given. */
        user?: string;
        /** The link's group (chown -h); left as it is when not given. */
        group?: string;
    };
    /** Download a file from the host to this machine when the local copy differs. */
    get: {
        /** The file on the host. */
        src: string;
        /** Where to write it on this machine. */
        dest: string;
    };
    /** Download a URL to a file on the host (curl or wget) unless it is already there (and matches sha256sum). */
    download: Ownership & {
        /** The URL. */
        src: string;
        /** The file on the host. */
        dest: string;
        /** The expected SHA-256 (64 hex digits): a file that differs is downloaded again, a download that differs fails. */
        sha256sum?: string;
        /** Download even when the file is there. Default `false`. */
        force?: boolean;
    };
    /** Make a remote directory hold the files of a local one (uploading what differs; delete: true removes extras). */
    sync: Ownership & {
        /** The directory on this machine: relative to the working directory, else to the deploy file. */
        src: string;
        /** The directory on the host. */
        dest: string;
        /** Remove files in `dest` that `src` does not have (except excluded ones). Default `false`. */
        delete?: boolean;
        /** Glob patterns of paths to leave out (`*.pyc`, `cache/**`). */
        exclude?: StringOrList;
        /** The mode of directories (`mode` is the files'); left as it is when not given. */
        dir_mode?: Mode;
    };
    /** Unpack a tar (.tar, .tar.gz/.tgz, .tar.xz, .tar.bz2) or .zip archive into a directory, unless creates exists or this archive was already unpacked there. */
    unarchive: {
        /** The archive: a path on the host, or with `local: true` a file on this machine (relative to the working directory) uploaded first. */
        src: string;
        /** The directory to unpack into (created when missing; files already there are kept unless the archive holds them). */
        dest: string;
        /** `src` is a file on this machine, uploaded beside `dest` and removed after. Default `false`. */
        local?: boolean;
        /** A path on the host: when it exists, nothing is done. */
        creates?: string;
        /** The format when the name does not say it: `"tar"`, `"tar.gz"`, `"tar.xz"`, `"tar.bz2"` or `"zip"`. */
        format?: "tar" | "tar.gz" | "tar.xz" | "tar.bz2" | "zip";
        /** Owner of the unpacked files (chown -R). */
        user?: string;
        /** Group of the unpacked files (chown -R). */
        group?: string;
    };
}
/** The git.* operations' own arguments, by operation. */
export interface GitOperations {
    /** Clone a repository, or bring a clone to the latest commit of its branch (pull: false leaves it). */
    repo: {
        /** The repository's URL. */
        src: string;
        /** The clone's directory on the host. */
        dest: string;
        /** The branch to check out; default the remote's default branch. */
        branch?: string;
        /** Bring an existing clone to the branch's latest commit. Default `true`. */
        pull?: boolean;
        /** Pull with --rebase instead of --ff-only. Default `false`. */
        rebase?: boolean;
        /** Owner of the clone (chown -R) after a change. */
        user?: string;
        /** Group of the clone (chown -R) after a change. */
        group?: string;
        /** Add the SSH host of `src` (ssh://host/… or user@host:…) to ~/.ssh/known_hosts first, unless it is known. Default `false`. */
        ssh_keyscan?: boolean;
        /** Initialise and update the submodules (git submodule update --init) when they are not at their recorded commits. Default `false`. */
        update_submodules?: boolean;
        /** With `update_submodules`: also the submodules' own submodules (--recursive). Default `false`. */
        recursive_submodules?: boolean;
        /** Clone only this many commits (git clone --depth); used when cloning. */
        depth?: number;
    };
    /** Add a git working tree of a repository (git worktree add), pull it when its remote branch moved, or remove it (present: false). */
    worktree: {
        /** The working tree's directory. */
        worktree: string;
        /** The main repository's directory (needed to add the working tree). */
        repo?: string;
        /** Check out a detached HEAD (git worktree add --detach). Default `false`. */
        detached?: boolean;
        /** Create this branch for the working tree (git worktree add -b). */
        new_branch?: string;
        /** The commit, branch or tag to check out; default the repository's HEAD. */
        commitish?: string;
        /** Pull an existing working tree when its tracked (or `from_remote_branch`) branch moved. Default `true`. */
        pull?: boolean;
        /** Pull with --rebase instead of --ff-only. Default `false`. */
        rebase?: boolean;
        /** The remote branch to pull from, `["origin", "main"]`; default the tracked branch. */
        from_remote_branch?: [string, string];
        /** `true` (default): it exists; `false`: it is removed (git worktree remove). */
        present?: boolean;
        /** Do not check that `repo` holds a .git directory (a bare repository, say). Default `false`. */
        assume_repo_exists?: boolean;
        /** With `present: false`: remove it even with changes in it (--force). Default `false`. */
        force?: boolean;
        /** Owner of the new working tree (chown -R). */
        user?: string;
        /** Group of the new working tree (chown -R). */
        group?: string;
    };
    /** Create a bare git repository (git init --bare) owned by user/group, or remove one (present: false). */
    bare_repo: {
        /** The repository's directory. */
        path: string;
        /** Owner of the repository (chown -R). */
        user?: string;
        /** Group of the repository (chown -R). */
        group?: string;
        /** `true` (default): it exists; `false`: it is removed (only a directory with a HEAD file). */
        present?: boolean;
    };
    /** Set a git config value, globally or in one repository. */
    config: {
        /** The config key, `"user.name"`. */
        key: string;
        /** Its value. */
        value: string;
        /** A clone's directory, to set it there (--local); default the user's global config. */
        repo?: string;
    };
}
/** How pip.virtualenv, pip.venv and pip.packages' virtualenv_kwargs make a virtualenv. */
export interface VirtualenvSettings {
    /** The Python interpreter. Default: the virtualenv command's own; `"python3"` with venv. */
    python?: string;
    /** Give it access to the system's packages (--system-site-packages). Default `false`. */
    site_packages?: boolean;
    /** Copy files instead of symlinking them (virtualenv --always-copy, venv --copies). Default `false`. */
    always_copy?: boolean;
}
/** The pip.* operations' own arguments, by operation. */
export interface PipOperations {
    /** Install or remove Python packages and requirements files with pip, optionally inside a virtualenv (created when missing). */
    packages: {
        /** The packages: a name or a list; `name==version` pins a version. Needed unless `requirements` is given. */
        packages?: StringOrList;
        /** A requirements file on the host: `pip install -r` unless pip's dry run (`--dry-run --report`) finds everything installed; with `present: false`, `pip uninstall -r` when one of its packages is installed. */
        requirements?: string;
        /** `true` (default): install them; `false`: uninstall the installed ones. */
        present?: boolean;
        /** Install with --upgrade (always a change for `packages`; a requirements file only when pip's dry run finds something newer). Default `false`. */
        latest?: boolean;
        /** A virtualenv's directory: its pip is used, and it is created first when it does not exist. */
        virtualenv?: string;
        /** How a missing `virtualenv` is created (`{ venv: true }` uses python -m venv instead of the virtualenv command). */
        virtualenv_kwargs?: VirtualenvSettings & {
            venv?: boolean;
        };
        /** The pip command. Default `"pip3"`, or `"pip"` inside `virtualenv` (then a name, not a path). */
        pip?: string;
        /** Extra options for pip install, one option a list item: `["--no-index", "--find-links", "/srv/wheels"]`. */
        extra_install_args?: StringOrList;
    };
    /** Create a Python virtualenv with the virtualenv command (venv: true: python -m venv) unless it exists; present: false removes it. */
    virtualenv: VirtualenvSettings & {
        /** The virtualenv's directory on the host. */
        path: string;
        /** Create it with `python -m venv` instead of the virtualenv command. Default `false`. */
        venv?: boolean;
        /** `true` (default): it exists; `false`: its directory is removed. */
        present?: boolean;
    };
    /** Create a Python virtualenv (python -m venv) unless it exists. */
    venv: VirtualenvSettings & {
        /** The virtualenv's directory on the host. */
        path: string;
        /** `true` (default): it exists; `false`: its directory is removed. */
        present?: boolean;
    };
}
/** The arguments of a package operation of a language's tool (npm, gem, cargo, pipx, brew). */
interface ToolPackagesArgs {
    /** The packages: a name or a list (the version pin is written as the tool writes it). */
    packages: StringOrList;
    /** `true` (default): install them; `false`: remove the installed ones. */
    present?: boolean;
    /** Also upgrade the installed ones without a pinned version (a change each time: the tool decides). Default `false`. */
    latest?: boolean;
}
/** The npm.* operations' own arguments, by operation. */
export interface NpmOperations {
    /** Install, remove or update (latest) npm packages, globally or in a directory; name@version pins a version. */
    packages: ToolPackagesArgs & {
        /** The project directory (npm install there); not given: global packages (npm install -g). */
        directory?: string;
    };
}
/** The pipx.* operations' own arguments, by operation. */
export interface PipxOperations {
    /** Install, remove or upgrade (latest) Python applications with pipx; name==version pins a version. */
    packages: ToolPackagesArgs & {
        /** Extra options for pipx install, e.g. `["--python", "python3.12"]`. */
        extra_args?: StringOrList;
    };
    /** Upgrade every pipx application (pipx upgrade-all; a change whenever one is installed). Takes no arguments. */
    upgrade_all: Record<string, never>;
    /** Put pipx's bin directory on the user's PATH (pipx ensurepath) unless the PATH holds it. Takes no arguments. */
    ensure_path: Record<string, never>;
}
/** The gem.* operations' own arguments, by operation. */
export interface GemOperations {
    /** Install, remove or update (latest) Ruby gems; `name:version` pins a version. */
    packages: ToolPackagesArgs;
}
/** The cargo.* operations' own arguments, by operation. */
export interface CargoOperations {
    /** Install, remove or upgrade (latest) crates with cargo install; `name@version` pins a version. */
    packages: ToolPackagesArgs;
}
/** The brew.* operations' own arguments, by operation. */
export interface BrewOperations {
    /** Install, remove or upgrade (latest) Homebrew formulae; `name@version` pins where brew has that formula. */
    packages: ToolPackagesArgs & {
        /** Run brew update before installing. Default `false`. */
        update?: boolean;
        /** Run brew upgrade before installing. Default `false`. */
        upgrade?: boolean;
    };
    /** Install, remove or upgrade (latest) Homebrew casks. */
    casks: {
        /** The casks: a name or a list. */
        casks: StringOrList;
        /** `true` (default): install them; `false`: remove the installed ones. */
        present?: boolean;
        /** Also upgrade the installed ones (brew upgrade --cask). Default `false`. */
        latest?: boolean;
        /** Run brew upgrade --cask before installing. Default `false`. */
        upgrade?: boolean;
    };
    /** Add (brew tap) or remove (brew untap) a tap. */
    tap: {
        /** The tap, `"user/repo"`; taken from `url`'s path when not given. */
        src?: string;
        /** The tap's git URL, when it is not on GitHub as homebrew-<repo>. */
        url?: string;
        /** `true` (default): tapped; `false`: untapped. */
        present?: boolean;
    };
    /** Refresh Homebrew (brew update; always a change). Takes no arguments. */
    update: Record<string, never>;
    /** Upgrade every outdated formula and cask (brew upgrade) unless brew outdated lists none. Takes no arguments. */
    upgrade: Record<string, never>;
}
/** The snap.* operations' own arguments, by operation. */
export interface SnapOperations {
    /** Install snaps from a channel, refresh them to it when they track another, or remove them. */
    package: {
        /** The snaps: a name or a list. */
        packages: StringOrList;
        /** The channel to install from and track. Default `"latest/stable"`. */
        channel?: string;
        /** Classic confinement (--classic). Default `false`. */
        classic?: boolean;
        /** `true` (default): installed; `false`: removed. */
        present?: boolean;
    };
}
/** The flatpak.* operations' own arguments, by operation. */
export interface FlatpakOperations {
    /** Install flatpak applications by ID or remove them. */
    packages: {
        /** The application IDs: `"org.videolan.VLC"` or a list. */
        packages: StringOrList;
        /** The remote to install from (`"flathub"`); flatpak picks one when not given. */
        remote?: string;
        /** `true` (default): installed; `false`: removed. */
        present?: boolean;
        /** The user's installation (--user) instead of the system's (--system). Default `false`. */
        user?: boolean;
    };
    /** Add a flatpak remote from its URL unless it is configured, or remove it. */
    remote: {
        /** The remote's name, `"flathub"`. */
        src: string;
        /** Its URL: a .flatpakrepo file or the repository; needed unless `present: false`. */
        url?: string;
        /** `true` (default): configured; `false`: removed (flatpak remote-delete). */
        present?: boolean;
        /** The user's installation (--user) instead of the system's (--system). Default `false`. */
        user?: boolean;
    };
}
/** The systemd.* operations' own arguments, by operation. */
export interface SystemdOperations {
    /** Start, stop, restart, reload, enable or disable a systemd unit (user_mode: a user's unit). */
    service: ServiceArgs & SystemdManagerArgs;
    /** Reload systemd's unit files (always a change). */
    daemon_reload: SystemdManagerArgs;
}
/** The openrc.* operations' own arguments, by operation. */
export interface OpenrcOperations {
    /** Start, stop, restart or reload an OpenRC service; enabled adds it to (or deletes it from) a runlevel. */
    service: InitServiceArgs & {
        /** The runlevel `enabled` adds it to (rc-update). Default `"default"`. */
        runlevel?: string;
    };
}
/** The sysvinit.* operations' own arguments, by operation. */
export interface SysvinitOperations {
    /** Start, stop, restart or reload an /etc/init.d service; enabled makes or removes its boot links. */
    service: InitServiceArgs;
    /** Make an /etc/init.d script's start and stop links (/etc/rcN.d/S20name, K80name) in the runlevels given. */
    enable: {
        /** The script's name in /etc/init.d. */
        service: string;
        /** The start links' priority, 0 to 99. Default `20`. */
        start_priority?: number;
        /** The stop links' priority, 0 to 99. Default `80`. */
        stop_priority?: number;
        /** The runlevels it starts in. Default `[2, 3, 4, 5]`. */
        start_levels?: Array<number | string>;
        /** The runlevels it stops in. Default `[0, 1, 6]`. */
        stop_levels?: Array<number | string>;
    };
}
/** The runit.* operations' own arguments, by operation. */
export interface RunitOperations {
    /** Start, stop, restart or reload a runit service, linking it into svdir first (managed); enabled: its down file. */
    service: InitServiceArgs & RunitDirs & {
        /** `true` (default): linked into `svdir`, so that runsv supervises it; `false`: unlinked (nothing else is done). */
        managed?: boolean;
    };
    /** Link a runit service into the service directory (svdir) so that runsv supervises it (managed false: unlink it). */
    manage: RunitDirs & {
        /** `true` (default): linked; `false`: unlinked. */
        managed?: boolean;
    };
    /** Make runsv start a runit service by itself (auto false: add its down file so that it waits to be started). */
    auto: Omit<RunitDirs, "svdir"> & {
        /** `true` (default): no down file; `false`: a down file. */
        auto?: boolean;
    };
}
/** The upstart.* operations' own arguments, by operation. */
export interface UpstartOperations {
    /** Start, stop, restart or reload an upstart job; enabled false writes /etc/init/<job>.override with manual. */
    service: InitServiceArgs;
}
/** The launchd.* operations' own arguments, by operation. */
export interface LaunchdOperations {
    /** Start, stop or restart a launchd job (launchctl; restart is a stop then a start). */
    service: {
        /** The job's label: `"com.example.agent"`. */
        service: string;
        /** `true` (default): start it if stopped; `false`: stop it if running. */
        running?: boolean;
        /** Restart it when it runs (always a change). Default `false`. */
        restarted?: boolean;
    };
}
/** The bsdinit.* operations' own arguments, by operation. */
export interface BsdinitOperations {
    /** Start, stop, restart or reload a BSD rc.d service; enabled sets <service>_enable="YES" in /etc/rc.conf.local. */
    service: InitServiceArgs;
}
/** The docker.* operations' own arguments, by operation. Names are Docker's: letters, digits, `_`, `.`, `-`. */
export interface DockerOperations {
    /** Make sure a Docker container exists with the image, ports, networks, volumes, env vars, labels and command given (re-created when they differ), running or stopped; or that it does not. */
    container: {
        /** The container's name. */
        container: string;
        /** The image to create it from, `"nginx:1.25"`; needed to create it, compared when given. */
        image?: string;
        /** Published ports, `"127.0.0.1:8080:80"`, `"8080:80/udp"` (one port per item). */
        ports?: StringOrList;
        /** Networks to attach it to (the first at creation, the others with docker network connect). */
        networks?: StringOrList;
        /** Volumes and bind mounts, `"app_data:/var/lib/app"`, `"/srv/conf:/etc/app:ro"`. */
        volumes?: StringOrList;
        /** Environment variables, `"NAME=value"`: passed in a private file, never shown in plans or reports. */
        env_vars?: StringOrList;
        /** Env files on the host (docker --env-file); their content is not compared. */
        env_files?: StringOrList;
        /** Labels, `"team=web"`. */
        labels?: StringOrList;
        /** Pull the image when creating the container (--pull always). Default `false`. */
        pull_always?: boolean;
        /** `true` (default): the container exists; `false`: it is removed (docker rm -f). */
        present?: boolean;
        /** Re-create the container every run, even when nothing differs. Default `false`. */
        force?: boolean;
        /** `true` (default): the container runs; `false`: it is stopped. */
        start?: boolean;
        /** `"no"`, `"always"`, `"unless-stopped"`, `"on-failure"` or `"on-failure:3"`. */
        restart_policy?: string;
        /** Remove the container when it exits (--rm). */
        auto_remove?: boolean;
        /** DNS servers for the container. */
        dns?: StringOrList;
        /** The command: a list of words, or a string split into words as a shell would (quotes, no `$`, `;`, `|`). */
        command?: StringOrList;
    };
    /** Pull a Docker image unless it is there (an untagged or "latest" one every run; force: always), or remove it (present: false). */
    image: {
        /** The image reference, `"nginx:1.25"`, `"ghcr.io/team/app@sha256:…"`. */
        image: string;
        /** `true` (default): the image is on the host; `false`: it is removed (docker image rm). */
        present?: boolean;
        /** Pull it every run. Default `false`. */
        force?: boolean;
    };
    /** Make sure a Docker network exists (created with driver, subnet, gateway, ip_range, options and labels) or, with present: false, does not. */
    network: {
        /** The network's name. */
        network: string;
        /** The driver, `"bridge"`, `"overlay"`, `"macvlan"`. */
        driver?: string;
        /** The subnet's gateway, `"10.20.0.1"`. */
        gateway?: string;
        /** The range containers get addresses from, `"10.20.0.128/25"`. */
        ip_range?: string;
        /** The IP address management driver. */
        ipam_driver?: string;
        /** The subnet, `"10.20.0.0/24"`. */
        subnet?: string;
        /** `"local"`, `"global"` or `"swarm"`. */
        scope?: string;
        /** Addresses the driver must not give out, by name: `{ router: "10.20.0.2" }`. */
        aux_addresses?: Record<string, string>;
        /** Driver options, `"com.docker.network.bridge.name=br-app"`. */
        opts?: StringOrList;
        /** IPAM driver options. */
        ipam_opts?: StringOrList;
        /** Labels, `"team=web"`. */
        labels?: StringOrList;
        /** Make it swarm's routing-mesh network. Default `false`. */
        ingress?: boolean;
        /** Let standalone containers attach to a swarm network. Default `false`. */
        attachable?: boolean;
        /** `true` (default): the network exists (an existing one is left as it is); `false`: it is removed. */
        present?: boolean;
    };
    /** Make sure a Docker volume exists (created with driver and labels) or, with present: false, does not. */
    volume: {
        /** The volume's name. */
        volume: string;
        /** The volume driver. Default Docker's (`"local"`). */
        driver?: string;
        /** Labels, `"team=web"`. */
        labels?: StringOrList;
        /** `true` (default): the volume exists (an existing one is left as it is); `false`: it is removed. */
        present?: boolean;
    };
    /** Remove unused Docker data with docker system prune (all: every unused image; volumes: unused volumes too; always a change). */
    prune: {
        /** Remove every unused image, not only dangling ones. Default `false`. */
        all?: boolean;
        /** Remove unused anonymous volumes too. Default `false`. */
        volumes?: boolean;
        /** Filters, `"until=24h"`, `"label=keep!=true"`. */
        filter?: StringOrList;
    };
    /** Make sure a Docker plugin is installed (with alias and plugin_options), enabled or disabled; or, with present: false, that it is not. */
    plugin: {
        /** The plugin's reference, `"vieux/sshfs:latest"` (installed with --grant-all-permissions). */
        plugin: string;
        /** The name to install it under; the plugin is then known by it. */
        alias?: string;
        /** `true` (default): it is installed; `false`: it is removed. */
        present?: boolean;
        /** `true` (default): enabled; `false`: disabled. */
        enabled?: boolean;
        /** Plugin settings, `{ DEBUG: "1" }` (set while it is disabled). */
        plugin_options?: Record<string, string>;
    };
}
/** How every mysql.* operation reaches the server (each left to the client's defaults when not given). */
export interface MysqlConnectionArgs {
    /** The user to log in as. */
    mysql_user?: string;
    /** Its password: it reaches the client in a private option file (mode 600, removed after), never on a command line or in a plan. */
    mysql_password?: string;
    /** The server's host name or address; other than `"localhost"`, the client connects over TCP. */
    mysql_host?: string;
    /** The server's TCP port (the client then connects over TCP). */
    mysql_port?: number;
}
/** The resource limits of `mysql.user` (0 means no limit); each left as it is when not given. */
interface MysqlLimits {
    /** MAX_USER_CONNECTIONS: connections at once. */
    max_connections?: number;
    /** MAX_QUERIES_PER_HOUR. */
    max_queries_per_hour?: number;
    /** MAX_UPDATES_PER_HOUR. */
    max_updates_per_hour?: number;
    /** MAX_CONNECTIONS_PER_HOUR. */
    max_connections_per_hour?: number;
}
/** The mysql.* operations' own arguments, by operation. */
export interface MysqlOperations {
    /** Make sure a MySQL user exists (with its TLS requirement, resource limits and global privileges) or does not. */
    user: MysqlConnectionArgs & MysqlLimits & {
        /** The user's name. */
        user: string;
        /** `true` (default): the account exists; `false`: it is dropped. */
        present?: boolean;
        /** The account's host part. Default `"localhost"`; another host makes another account. */
        user_hostname?: string;
        /** The password, set when the account is created (an existing account's password is left as it is); plans say "password set". */
        password?: string;
        /** Exactly these global privileges (on *.*), others there revoked: `["SELECT", "PROCESS"]`, `"ALL"`. Left as they are when not given. */
        privileges?: StringOrList;
        /** `"SSL"`, `"X509"` (with the `require_*` details) or `"NONE"`; left as it is when not given. */
        require?: "SSL" | "X509" | "NONE";
        /** With require X509: the cipher the client must use. */
        require_cipher?: string;
        /** With require X509: the certificate issuer the client's must have. */
        require_issuer?: string;
        /** With require X509: the certificate subject the client's must have. */
        require_subject?: string;
    };
    /** Make sure a MySQL database exists (with its character set and collation) or does not; optionally grant a user privileges on it. */
    database: MysqlConnectionArgs & {
        /** The database's name. */
        database: string;
        /** `true` (default): it exists; `false`: it is dropped with everything in it. */
        present?: boolean;
        /** Its default collation (set on creation, changed with ALTER DATABASE when it differs). */
        collate?: string;
        /** Its default character set, `"utf8mb4"` (set on creation, changed with ALTER DATABASE when it differs). */
        charset?: string;
        /** A user given `user_privileges` on the database (db.*). */
        user?: string;
        /** That user's host part. Default `"localhost"`. */
        user_hostname?: string;
        /** The privileges `user` has on the database, exactly. Default `"ALL"`. */
        user_privileges?: StringOrList;
    };
    /** Make a MySQL user's privileges on a database or table exactly the given ones (others there are revoked). */
    privileges: MysqlConnectionArgs & {
        /** The user's name. */
        user: string;
        /** The privileges: `["SELECT", "INSERT"]`, `"ALL"`; `[]` revokes every privilege there. */
        privileges: StringOrList;
        /** The user's host part. Default `"localhost"`. */
        user_hostname?: string;
        /** The database, or `"*"` (default) for every database. */
        database?: string;
        /** A table of `database`, or `"*"` (default) for all its tables. */
        table?: string;
        /** Run FLUSH PRIVILEGES after a change. Default `true`. */
        flush?: boolean;
        /** Also the GRANT OPTION privilege. Default `false`. */
        with_grant_option?: boolean;
    };
    /** Run SQL with the mysql client (always a change: infra-action cannot know what it does). */
    sql: MysqlConnectionArgs & {
        /** The SQL, one or more statements; it shows in plans, so keep secrets out of it. */
        sql: string;
        /** The database to run it in. */
        database?: string;
    };
    /** Dump a MySQL database (or all of them) into a .sql file on the host with mysqldump (always a change). */
    dump: MysqlConnectionArgs & {
        /** The file on the host; written beside it first and moved over it once whole, mode 600. */
        dest: string;
        /** The database to dump; every database when not given. */
        database?: string;
    };
    /** Load a .sql file on the host into MySQL with the mysql client (always a change). */
    load: MysqlConnectionArgs & {
        /** The .sql file on the host. */
        src: string;
        /** The database to load it into. */
        database?: string;
    };
}
/** How psql on the host reaches the server: every postgres.* operation takes these (unset: psql's defaults). */
interface PsqlArgs {
    /** The role psql logs in as. Default: the user the operation runs as (e.g. `_sudo_user: "postgres"`). */
    psql_user?: string;
    /** That role's password: written to a private pgpass file (mode 600, removed after), never on a command line or in a plan. */
    psql_password?: string;
    /** The server's host name or address, or a socket directory. Default: the local socket. */
    psql_host?: string;
    /** The server's port. Default 5432. */
    psql_port?: number | string;
    /** The database psql connects to. Default: the one named like the role. */
    psql_database?: string;
}
/** The postgres.* operations' own arguments, by operation. */
export interface PostgresOperations {
    /** Make sure a PostgreSQL role exists with its attributes and password, or does not; only what differs is altered. */
    role: PsqlArgs & {
        /** The role's name (any text up to 63 bytes; it is quoted). */
        role: string;
        /** `true` (default): it exists; `false`: it is dropped. */
        present?: boolean;
        /** Its password: set when it differs from the stored hash (always set when psql_user may not read hashes, i.e. is not a superuser). Never shown: plans say "password set". */
        password?: string;
        /** May log in. Default `true`. */
        login?: boolean;
        /** Superuser. Default `false`. */
        superuser?: boolean;
        /** Inherits the privileges of its roles. Default `false` (pyinfra's; PostgreSQL's own default is true). */
        inherit?: boolean;
        /** May create databases. Default `false`. */
        createdb?: boolean;
        /** May create roles. Default `false`. */
        createrole?: boolean;
        /** May start replication. Default `false`. */
        replication?: boolean;
        /** Connections allowed at once (-1: no limit). Left as it is when not given. */
        connection_limit?: number;
    };
    /** Make sure a PostgreSQL database exists with its owner, tablespace and connection limit, or does not. */
    database: PsqlArgs & {
        /** The database's name (any text up to 63 bytes; it is quoted). */
        database: string;
        /** `true` (default): it exists; `false`: it is dropped. */
        present?: boolean;
        /** The owning role; an existing database gets it (ALTER DATABASE … OWNER TO). */
        owner?: string;
        /** The template it is made from (only when it is made). */
        template?: string;
        /** Its encoding, `"UTF8"` (fixed when it is made: an existing database with another is an error). */
        encoding?: string;
        /** Its LC_COLLATE, `"en_US.UTF-8"` (fixed when it is made, as encoding). */
        lc_collate?: string;
        /** Its LC_CTYPE (fixed when it is made, as encoding). */
        lc_ctype?: string;
        /** Its default tablespace; an existing database is moved to it. */
        tablespace?: string;
        /** Connections allowed at once (-1: no limit). Left as it is when not given. */
        connection_limit?: number;
    };
    /** Run SQL statements with psql, stopping at the first error (always a change). */
    sql: PsqlArgs & {
        /** The SQL: one statement or several, run as a psql script (each statement on its own; backslash commands such as `\connect` work). */
        sql: string;
    };
    /** Dump a PostgreSQL database into a SQL file with pg_dump (always a change). */
    dump: PsqlArgs & {
        /** The SQL file on the host; replaced only once the dump is whole. */
        dest: string;
        /** The database to dump. Default: psql_database, else pg_dump's default. */
        database?: string;
    };
    /** Load a SQL file of the host into a PostgreSQL database with psql (always a change). */
    load: PsqlArgs & {
        /** The SQL file on the host. */
        src: string;
        /** The database to load it into. Default: psql_database, else psql's default. */
        database?: string;
    };
}
/** Where and how the host reaches another host over SSH (ssh.* operations). */
interface SshPeerArgs {
    /** The other host's name or address (letters, digits, ".", "-", or an IP address). */
    hostname: string;
    /** Its SSH port. Default `22`. */
    port?: number;
    /** The user to log in as; default ssh's own choice (the host's user). */
    user?: string;
}
/** The ssh.* operations' own arguments, by operation. They run ssh/scp on the host, with BatchMode (no questions). */
export interface SshOperations {
    /** Add a host's SSH key to ~/.ssh/known_hosts (ssh-keyscan) unless one is there (force: scan again). */
    keyscan: {
        /** The host whose key to add. */
        hostname: string;
        /** Remove its known keys and scan again. Default `false`. */
        force?: boolean;
        /** Its SSH port. Default `22`. */
        port?: number;
    };
    /** Run a command on another host over SSH from the host (always a change). */
    command: SshPeerArgs & {
        /** The command, run by the other host's shell as written. */
        command: string;
    };
    /** Copy a file of the host to another host with scp when the copy there differs (SHA-256 compared over SSH). */
    upload: SshPeerArgs & {
        /** The file on the host. */
        filename: string;
        /** Where to put it on the other host; default the same path. */
        remote_filename?: string;
        /** Upload to a temporary file there and move it into place with `sudo -n`. Default `false`. */
        use_remote_sudo?: boolean;
        /** Run ssh.keyscan for the other host first. Default `false`. */
        ssh_keyscan?: boolean;
    };
    /** Copy a file of another host to the host with scp unless it is there (force: when the copies' SHA-256 differ). */
    download: SshPeerArgs & {
        /** The file on the other host. */
        filename: string;
        /** Where to put it on the host; default the same path. */
        local_filename?: string;
        /** Download again when the copies differ (compared by SHA-256 over SSH). Default `false`. */
        force?: boolean;
        /** Run ssh.keyscan for the other host first. Default `false`. */
        ssh_keyscan?: boolean;
    };
}
type Prefixed<F extends string, O> = {
    [K in keyof O & string as `${F}.${K}`]: O[K];
};
/** Every operation's own arguments, by its full name (`"files.template"`); documented in each family's interface. */
export type OperationArgs = Prefixed<"server", ServerOperations> & Prefixed<"apt", AptOperations> & Prefixed<"dnf", DnfOperations> & Prefixed<"yum", YumOperations> & Prefixed<"apk", ApkOperations> & Prefixed<"pacman", PacmanOperations> & Prefixed<"zypper", ZypperOperations> & Prefixed<"files", FilesOperations> & Prefixed<"git", GitOperations> & Prefixed<"pip", PipOperations> & Prefixed<"systemd", SystemdOperations> & Prefixed<"docker", DockerOperations> & Prefixed<"mysql", MysqlOperations> & Prefixed<"openrc", OpenrcOperations> & Prefixed<"sysvinit", SysvinitOperations> & Prefixed<"runit", RunitOperations> & Prefixed<"upstart", UpstartOperations> & Prefixed<"launchd", LaunchdOperations> & Prefixed<"bsdinit", BsdinitOperations> & Prefixed<"postgres", PostgresOperations> & Prefixed<"ssh", SshOperations> & Prefixed<"npm", NpmOperations> & Prefixed<"pipx", PipxOperations> & Prefixed<"gem", GemOperations> & Prefixed<"cargo", CargoOperations> & Prefixed<"brew", BrewOperations> & Prefixed<"snap", SnapOperations> & Prefixed<"flatpak", FlatpakOperations> & Prefixed<"python", PythonOperations>;
/** The python.* operations' own arguments, by operation. */
export interface PythonOperations {
    /**
     * Call a function of the deploy code on this machine during apply, at its place in the order: the
     * operations before it have finished (their handles' `changed`, `stdout`, `stderr` are known), the
     * ones after it wait. Always runs (the plan shows "will call NAME"); a thrown error fails it, and the
     * host unless `_ignore_errors`. Awaited when it returns a promise.
     */
    call: {
        /** The function; it may be async. */
        function: (...args: never[]) => unknown;
        /** Its arguments. */
        args?: unknown[];
        /** An object given after `args`, as its last argument. */
        kwargs?: Record<string, unknown>;
    };
    /** Fail at this point of the apply with an error of the given class and message (the report shows it). */
    raise_exception: {
        /** The error class. Default `Error`. */
        exception?: new (...args: never[]) => Error;
        /** Its message. */
        message?: string;
        /** Further arguments for the class, after the message. */
        args?: unknown[];
    };
}
/** Arguments every operation takes (pyinfra's global arguments); host data keys of the same name set defaults. */
export interface GlobalArgsInput {
    /** Labels the operation in every report. Default: the operation's name and its main argument. */
    name?: string;
    /** Run the operation's commands and facts through sudo (as root unless `_sudo_user`). Default `false`. */
    _sudo?: boolean;
    /** Run through sudo as this user (implies `_sudo`). */
    _sudo_user?: string;
    /** The password sudo asks for; never shown in reports. Usually set in host data, from a secret. */
    _sudo_password?: string;
    /** Environment variables for the operation's commands. */
    _env?: Record<string, string>;
    /** The directory the operation's commands run in. */
    _chdir?: string;
    /** Carry on when the operation fails: it is reported as failed and the host goes on to its next operation. Default `false`. */
    _ignore_errors?: boolean;
    /** Run only when these operations changed, or when `true` / the function returns true at plan time. */
    _if?: {
        readonly changed: boolean;
    } | Array<{
        readonly changed: boolean;
    }> | boolean | (() => boolean);
    /** Times to retry the operation's commands when they fail. Default `0`. */
    _retries?: number;
    /** Seconds between retries. Default `5`. */
    _retry_delay?: number;
    /** Seconds each command may run before it is stopped and fails; default no limit. */
    _timeout?: number;
    /** Run on one host only: the first, in inventory order, that would run it. Default `false`. */
    _run_once?: boolean;
    /** Apply the operation on one host at a time. Default `false`. */
    _serial?: boolean;
    /** Run sudo with a login shell (`sudo -i`): the target user's profile is read. Default `false`. */
    _use_sudo_login?: boolean;
    /** Keep the connecting user's environment under sudo (`sudo -E`; sudoers must allow it). Default `false`. */
    _preserve_sudo_env?: boolean;
    /** Run the operation's commands and facts as this user through `su` (inside sudo or doas when given too: `_sudo: true, _su_user: "app"`). su's own password is never sent: connect as root, or add `_sudo`. */
    _su_user?: string;
    /** Run su with a login shell (`su -l`). Default `false`. */
    _use_su_login?: boolean;
    /** Keep the environment under su (`su -m`). Default `false`. */
    _preserve_su_env?: boolean;
    /** The shell su runs (`su -s`), for a user whose login shell is nologin: a name found on the host's path or a full path. */
    _su_shell?: string;
    /** Run the operation's commands and facts through `doas -n` (as root unless `_doas_user`); not with `_sudo`. Default `false`. */
    _doas?: boolean;
    /** Run through doas as this user (implies `_doas`). */
    _doas_user?: string;
    /** Exit codes that count as success for each of the operation's commands, e.g. `[0, 3]`. Default `[0]`. */
    _success_exit_codes?: number[];
    /** The shell that runs each command (`bash` for bash-only syntax). `null` runs the command line as it is, without a shell of its own. Default `"sh"`. */
    _shell_executable?: string | null;
    /** Called on this machine after each try with the operation's output; return `true` to try again (up to `_retries` times, `_retry_delay` apart). Still `true` after the last retry: the operation fails. */
    _retry_until?: (output: {
        stdout: string;
        stderr: string;
        exitCode: number;
    }) => boolean | Promise<boolean>;
}
export {};
