// The arguments of every operation as deploy files write them (pyinfra's names), for editors.
// Each operation's `validate` checks the same arguments at run time; the doc comments are the hover help.

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

/** The arguments of `server.service` and `systemd.service`. */
export interface ServiceArgs {
  /** The service's name, `"nginx"` (systemd: `nginx.service` is meant unless a unit suffix is given). */
  service: string;
  /** `true` (default): start it if stopped; `false`: stop it if running. */
  running?: boolean;
  /** Restart it (always a change; a service just started is not restarted again). Default `false`. */
  restarted?: boolean;
  /** Reload it when it runs (always a change; not with `restarted`). Default `false`. */
  reloaded?: boolean;
  /** systemd: `true` enables it at boot, `false` disables it; left as it is when not given. */
  enabled?: boolean;
  /** systemd: run `systemctl daemon-reload` first (always a change). Default `false`. */
  daemon_reload?: boolean;
}

/** The operations of each family by name, as deploy files call them: `files.template` is `OperationFamilies["files"]["template"]`. */
export interface OperationFamilies {
  /** server.*: shell commands and scripts, users and groups, packages, services, hostname, sysctl, crontab, reboot, waiting for a port. */
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
  /** git.*: clones kept at a branch's latest commit, and git config values. */
  git: GitOperations;
  /** pip.*: Python packages and virtualenvs. */
  pip: PipOperations;
  /** systemd.*: services and daemon-reload. */
  systemd: SystemdOperations;
  /** docker.*: containers, images, networks, volumes and plugins of the host's Docker engine, and pruning. */
  docker: DockerOperations;
  /** mysql.*: MySQL/MariaDB users, databases and privileges, SQL, dumps and loads (the mysql client on the host). */
  mysql: MysqlOperations;
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
  /** Start, stop, restart or reload a service with systemd when it runs, else its /etc/init.d script. */
  service: ServiceArgs;
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
}

/** The zypper.* operations' own arguments, by operation. */
export interface ZypperOperations {
  /** Install, remove or upgrade openSUSE/SLES packages with zypper. */
  packages: PackagesArgs;
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
      undefined?:
        | "strict"
        | "default"
        | "chainable"
        | "ansible"
        | "StrictUndefined"
        | "Undefined"
        | "ChainableUndefined"
        | "AnsibleUndefined";
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

/** The pip.* operations' own arguments, by operation. */
export interface PipOperations {
  /** Install or remove Python packages with pip, optionally inside a virtualenv. */
  packages: {
    /** The packages: a name or a list; `name==version` pins a version. */
    packages: StringOrList;
    /** `true` (default): install them; `false`: uninstall the installed ones. */
    present?: boolean;
    /** Install with --upgrade (always a change). Default `false`. */
    latest?: boolean;
    /** A virtualenv's directory: its pip is used. */
    virtualenv?: string;
    /** The pip command. Default `"pip3"`, or `"pip"` inside `virtualenv` (then a name, not a path). */
    pip?: string;
    /** Extra options for pip install. */
    extra_install_args?: StringOrList;
  };
  /** Create a Python virtualenv (python -m venv) unless it exists. */
  venv: {
    /** The virtualenv's directory on the host. */
    path: string;
    /** The Python that creates it. Default `"python3"`. */
    python?: string;
    /** Give it access to the system's packages (--system-site-packages). Default `false`. */
    site_packages?: boolean;
    /** `true` (default): it exists; `false`: its directory is removed. */
    present?: boolean;
  };
}

/** The systemd.* operations' own arguments, by operation. */
export interface SystemdOperations {
  /** Start, stop, restart, reload, enable or disable a systemd unit. */
  service: ServiceArgs;
  /** Reload systemd's unit files (always a change). Takes no arguments. */
  daemon_reload: Record<string, never>;
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
  user: MysqlConnectionArgs &
    MysqlLimits & {
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

// An operation family's operations under their full names ("files.template").
type Prefixed<F extends string, O> = { [K in keyof O & string as `${F}.${K}`]: O[K] };

/** Every operation's own arguments, by its full name (`"files.template"`); documented in each family's interface. */
export type OperationArgs = Prefixed<"server", ServerOperations> &
  Prefixed<"apt", AptOperations> &
  Prefixed<"dnf", DnfOperations> &
  Prefixed<"yum", YumOperations> &
  Prefixed<"apk", ApkOperations> &
  Prefixed<"pacman", PacmanOperations> &
  Prefixed<"zypper", ZypperOperations> &
  Prefixed<"files", FilesOperations> &
  Prefixed<"git", GitOperations> &
  Prefixed<"pip", PipOperations> &
  Prefixed<"systemd", SystemdOperations> &
  Prefixed<"docker", DockerOperations> &
  Prefixed<"mysql", MysqlOperations>;

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
  _if?: { readonly changed: boolean } | Array<{ readonly changed: boolean }> | boolean | (() => boolean);
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
}
