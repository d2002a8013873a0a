// The arguments of every operation as deploy files write them (pyinfra's names), for editors.
// Each operation's `validate` checks the same arguments at run time.

export type StringOrList = string | string[];
// 3 or 4 octal digits as a string: "640", "0755". A number is refused (0o640 is the number 416).
export type Mode = string;

interface Ownership {
  // Names starting with "-" are refused.
  user?: string;
  group?: string;
  mode?: Mode;
}

export interface PackagesArgs {
  packages: StringOrList;
  present?: boolean;
  latest?: boolean;
  update?: boolean;
  cache_time?: number;
  extra_install_args?: StringOrList;
  extra_uninstall_args?: StringOrList;
}

export interface ServiceArgs {
  service: string;
  running?: boolean;
  restarted?: boolean;
  reloaded?: boolean;
  enabled?: boolean;
  daemon_reload?: boolean;
}

export interface OperationArgs {
  "server.shell": { commands: StringOrList };
  "server.script": { src: string; args?: StringOrList };
  "server.user": {
    user: string;
    present?: boolean;
    home?: string;
    shell?: string;
    group?: string;
    groups?: string[];
    append?: boolean;
    uid?: number;
    system?: boolean;
    comment?: string;
    create_home?: boolean;
  };
  "server.group": { group: string; present?: boolean; system?: boolean; gid?: number };
  "server.packages": PackagesArgs;
  "server.service": ServiceArgs;
  "server.hostname": { hostname: string };
  "server.sysctl": { key: string; value: string | number | number[]; persist?: boolean; persist_file?: string };
  // No field may hold a line break (it would add another crontab entry).
  "server.crontab": {
    command: string;
    present?: boolean;
    user?: string;
    minute?: string | number;
    hour?: string | number;
    month?: string | number;
    day_of_week?: string | number;
    day_of_month?: string | number;
    special_time?: "@reboot" | "@yearly" | "@annually" | "@monthly" | "@weekly" | "@daily" | "@midnight" | "@hourly";
  };
  "server.reboot": { delay?: number; interval?: number; reboot_timeout?: number };
  "server.wait": { port: number; timeout?: number };
  "apt.packages": PackagesArgs;
  "apt.update": { cache_time?: number };
  "apt.upgrade": { auto_remove?: boolean; dist_upgrade?: boolean };
  "apt.repo": { src: string; present?: boolean; filename?: string };
  "apt.key": { src: string; dest?: string };
  "dnf.packages": PackagesArgs;
  "yum.packages": PackagesArgs;
  "apk.packages": PackagesArgs;
  "files.file": Ownership & {
    path: string;
    present?: boolean;
    touch?: boolean;
    create_remote_dir?: boolean;
    force?: boolean;
  };
  "files.directory": Ownership & { path: string; present?: boolean; recursive?: boolean; force?: boolean };
  "files.put": Ownership & { src: string; dest: string; create_remote_dir?: boolean };
  // Every other argument is a template variable; `variables` holds names that cannot be arguments (`_x`, `dest`).
  "files.template": Ownership & {
    src: string;
    dest: string;
    create_remote_dir?: boolean;
    jinja_env_kwargs?: {
      trim_blocks?: boolean;
      lstrip_blocks?: boolean;
      keep_trailing_newline?: boolean;
      undefined?: "strict" | "default" | "chainable" | "StrictUndefined" | "Undefined" | "ChainableUndefined";
    };
    variables?: Record<string, unknown>;
    [variable: string]: unknown;
  };
  // `line` and `replace` are one line each; an appended line always goes on a line of its own.
  "files.line": {
    path: string;
    line: string;
    present?: boolean;
    replace?: string;
    escape_regex_characters?: boolean;
    ensure_newline?: true;
  };
  "files.replace": { path: string; text: string; replace?: string; flags?: string };
  "files.link": {
    path: string;
    target?: string;
    present?: boolean;
    // false: a hard link (target must then be an absolute path).
    symbolic?: boolean;
    create_remote_dir?: boolean;
    force?: boolean;
    user?: string;
    group?: string;
  };
  "files.get": { src: string; dest: string };
  "files.download": Ownership & { src: string; dest: string; sha256sum?: string; force?: boolean };
  "files.sync": Ownership & { src: string; dest: string; delete?: boolean; exclude?: StringOrList; dir_mode?: Mode };
  "git.repo": {
    src: string;
    dest: string;
    branch?: string;
    pull?: boolean;
    rebase?: boolean;
    user?: string;
    group?: string;
  };
  "git.config": { key: string; value: string; repo?: string };
  "pip.packages": {
    packages: StringOrList;
    present?: boolean;
    latest?: boolean;
    virtualenv?: string;
    pip?: string;
    extra_install_args?: StringOrList;
  };
  "pip.venv": { path: string; python?: string; site_packages?: boolean; present?: boolean };
  "systemd.service": ServiceArgs;
  "systemd.daemon_reload": Record<string, never>;
}

// Arguments every operation takes (pyinfra's global arguments); host data keys of the same name set defaults.
export interface GlobalArgsInput {
  // Labels the operation in every report.
  name?: string;
  _sudo?: boolean;
  _sudo_user?: string;
  _sudo_password?: string;
  _env?: Record<string, string>;
  _chdir?: string;
  _ignore_errors?: boolean;
  // Run only when these operations changed (or when true / the function returns true at plan time).
  _if?: { readonly changed: boolean } | Array<{ readonly changed: boolean }> | boolean | (() => boolean);
  _retries?: number;
  _retry_delay?: number;
  _timeout?: number;
  _run_once?: boolean;
  _serial?: boolean;
}
