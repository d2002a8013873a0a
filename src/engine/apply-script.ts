// The one remote script that applies a host's changed operations in order: every operation with
// /dev/null as input, files written through the installer, the host lock, and (see markers.ts) how
// it reaches the host and marks its parts.
import { randomBytes } from "node:crypto";
import type { CommandOptions } from "../connectors/connector.js";
import { fileHeader, fileInstallScript, inlineFileWrite } from "../connectors/file-install.js";
import { inlineCommand } from "../connectors/shell.js";
import type { Command } from "../operations/operation.js";
import { sha256 } from "../util/sha256.js";
import { shellQuote } from "../util/shell-quote.js";
import { type GlobalArgs, sudoOptions } from "./global-args.js";
import { markerFunctions, stagedScript, stagedScriptFile } from "./markers.js";

export interface ScriptOperation {
  index: number;
  commands: Command[];
  global: GlobalArgs;
  // Operations (by index) that must have changed for this one to run (`_if`).
  requires: number[];
}

type Wrap = (command: string, options: CommandOptions) => string;

// How long a second apply on the same host (same user) waits for the first, in seconds.
const lockWaitSeconds = 120;

// The script for a list of operations. `wrap` is the connector's (sudo, env, cwd); `changedBefore`
// lists operations an earlier script (before a reboot) changed, for `_if`. When every operation runs
// through the same password-less sudo to root (`_sudo: true` on each, the common deploy), the
// operations run in one shell under one sudo (see `oneSudo`) instead of a sudo per command.
export function buildApplyScript(
  operations: ScriptOperation[],
  wrap: Wrap,
  nonce: string,
  changedBefore: number[] = [],
): string {
  const changed = changedBefore.map((index) => `__ia_changed_${index}=1`);
  const shared = oneSudo(operations);
  if (!shared) {
    const lines = operations.flatMap((op) => operationLines(op, wrap));
    const head = [
      markerFunctions(nonce),
      ...syntaxCheck(operations, {}, `"$__ia_dir/${stagedScriptFile}"`),
      "__ia_mark staged",
    ];
    return stagedScript(nonce, [...head, ...lockLines(), ...changed, ...lines, "__ia_mark done", "exit 0"].join("\n"));
  }
  // The operations' commands without sudo: the shell that runs them already is root.
  const unwrapped: Wrap = (command, options) => wrap(command, { ...options, sudo: false, sudoUser: undefined });
  const lines = operations.flatMap((op) => operationLines(op, unwrapped, { sudo: false, sudoUser: undefined }));
  const body = [
    markerFunctions(nonce),
    "trap 'exit 143' INT TERM HUP",
    "trap 'exit 141' PIPE",
    ...changed,
    ...lines,
    "__ia_mark done",
    "exit 0",
  ].join("\n");
  const end = `__IA_BODY_${nonce}`;
  // The body is staged in the private directory beside the script; root reads it from there (the
  // directory's path comes on sudo's standard input, never through the environment sudo resets).
  const runBody = wrap('IFS= read -r __ia_dir || exit 70; exec 0</dev/null; . "$__ia_dir/body.sh"', shared);
  return stagedScript(
    nonce,
    [
      markerFunctions(nonce),
      `cat > "$__ia_dir/body.sh" <<'${end}' || { echo "could not stage the apply script in $__ia_dir (is the disk full?)" >&2; exit 70; }`,
      body,
      end,
      ...syntaxCheck(operations, { sudo: false, sudoUser: undefined }, '"$__ia_dir/body.sh"'),
      "__ia_mark staged",
      ...lockLines(),
      // (fd 9 holds the host lock: this shell keeps it while root runs the operations)
      `printf '%s\\n' "$__ia_dir" | ${runBody} 9>&-`,
      "exit $?",
    ].join("\n"),
  );
}

// The sudo every operation with commands shares, when each has `_sudo` to root without a password
// and there are several: one sudo then runs them all. Any other mix keeps a sudo per command.
function oneSudo(operations: ScriptOperation[]): CommandOptions | undefined {
  const working = operations.filter((op) => op.commands.length > 0);
  if (working.length < 2) return undefined;
  // (sudo's own flags -i and -E, and doas, keep their sudo per command; su runs inside either way)
  const toRoot = (g: GlobalArgs) =>
    g.sudo && (g.sudoUser ?? "root") === "root" && !g.sudoPassword && !g.useSudoLogin && !g.preserveSudoEnv && !g.doas;
  return working.every((op) => toRoot(op.global)) ? { sudo: true } : undefined;
}

// One operation's lines: its condition (`_if`), markers, retries and commands in a subshell.
function operationLines(op: ScriptOperation, wrap: Wrap, unwrapped: Partial<CommandOptions> = {}): string[] {
  const condition = op.requires.length ? op.requires.map((i) => `[ "$__ia_changed_${i}" = 1 ]`).join(" && ") : "true";
  return [
    `# operation ${op.index}`,
    `if ${condition}; then`,
    `__ia_mark begin:${op.index}`,
    "__ia_try=0",
    "while :; do",
    "( set -e",
    ...op.commands.flatMap((command, j) => renderCommand(command, op, wrap, `${op.index}-${j}`, unwrapped)),
    // (fd 9 holds the host lock: a daemon an operation starts must not keep it; the subshell closes
    // it itself, where a group's redirection would leave the shell a copy a background loop inherits)
    ") </dev/null 9>&-; __ia_rc=$?",
    `[ $__ia_rc -eq 0 ] && break; __ia_try=$((__ia_try+1)); [ $__ia_try -gt ${op.global.retries} ] && break; sleep ${op.global.retryDelay}`,
    "done",
    `__ia_mark end:${op.index}:$__ia_rc`,
    `if [ $__ia_rc -eq 0 ]; then __ia_changed_${op.index}=1; ${op.global.ignoreErrors ? "fi" : "else exit $__ia_rc; fi"}`,
    `else __ia_mark skip:${op.index}; fi`,
  ];
}

// One apply at a time per host and user. The lock lives in the user's own runtime or cache
// directory (`/tmp` only when there is neither), so no other user can plant it; one that belongs
// to someone else is refused at once. With `flock` (util-linux, busybox) the kernel holds it: it
// is released when the script ends, however it ends, and a second apply waits at most
// ${lockWaitSeconds} s. Without flock, a lock directory holding its owner's PID and boot id; a lock whose owner
// is gone (or from an earlier boot) is taken over.
function lockLines(): string[] {
  const locked = (message: string) => `{ echo "${message}" >&2; __ia_mark locked; exit 75; }`;
  const gaveUp = locked(
    `another infra-action apply is running on this host (lock $__ia_lock); gave up waiting after ${lockWaitSeconds}s.`,
  );
  return [
    "__ia_base=/tmp",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion.
    'for __ia_b in "$XDG_RUNTIME_DIR" "${HOME:+$HOME/.cache}"; do',
    '  if [ -n "$__ia_b" ] && mkdir -p "$__ia_b" 2>/dev/null && [ -O "$__ia_b" ] && [ -w "$__ia_b" ]; then __ia_base=$__ia_b; break; fi',
    "done",
    '__ia_lock="$__ia_base/.infra-action-apply-$(id -u).lock"',
    `if { [ -e "$__ia_lock" ] || [ -L "$__ia_lock" ]; } && { [ -L "$__ia_lock" ] || [ ! -O "$__ia_lock" ]; }; then ${locked("the apply lock $__ia_lock belongs to another user: remove it and apply again.")}; fi`,
    'if command -v flock >/dev/null 2>&1 && [ ! -d "$__ia_lock" ]; then',
    `  ( : >> "$__ia_lock" ) 2>/dev/null || ${locked("could not open the apply lock $__ia_lock (is the disk full?).")}`,
    '  exec 9>> "$__ia_lock"',
    `  flock -n 9 || flock -w ${lockWaitSeconds} 9 || ${gaveUp}`,
    "else",
    "  __ia_boot=$(cat /proc/sys/kernel/random/boot_id 2>/dev/null); __ia_waited=0; __ia_takeovers=0",
    '  while ! mkdir -m 700 "$__ia_lock" 2>/dev/null; do',
    `    [ -d "$__ia_lock" ] || ${locked("could not make the apply lock $__ia_lock (is the disk full?).")}`,
    '    __ia_owner=; __ia_owner_boot=; read -r __ia_owner __ia_owner_boot < "$__ia_lock/pid" 2>/dev/null || :',
    '    if [ -n "$__ia_owner" ] && { [ ! -d "/proc/$__ia_owner" ] || [ "$__ia_owner_boot" != "$__ia_boot" ]; } && [ $__ia_takeovers -lt 3 ]; then rm -rf "$__ia_lock"; __ia_takeovers=$((__ia_takeovers+1)); continue; fi',
    `    [ $__ia_waited -lt ${lockWaitSeconds} ] || ${gaveUp}`,
    "    sleep 1; __ia_waited=$((__ia_waited+1))",
    "  done",
    '  echo "$$ $__ia_boot" > "$__ia_lock/pid"',
    `  trap 'rm -rf "$__ia_lock" "$__ia_dir"' EXIT`,
    "fi",
    "trap 'exit 143' INT TERM HUP",
    // A lost connection surfaces as SIGPIPE at the next write: exit through the trap that cleans up.
    "trap 'exit 141' PIPE",
  ];
}

// Whether commands with these options run in the script's own shell: as its user (no sudo, doas
// or su), in `sh`, without `_timeout`. Then a command is the script's text in a subshell and a
// file is written by the script itself (`inlineCommand`, `inlineFileWrite`): no shell, installer
// or staging copy of their own, so an operation starts the processes its commands start, no more.
function runsDirectly(opts: CommandOptions, global: GlobalArgs): boolean {
  return (
    !opts.sudo &&
    !opts.sudoUser &&
    !opts.doas &&
    !opts.doasUser &&
    !opts.suUser &&
    opts.shellExecutable === undefined &&
    global.timeout === undefined
  );
}

// Commands written into the script as they are (see `runsDirectly`) are checked as shell before
// anything runs: one that does not parse stops the script before its first operation (the host
// is then not applied at all) instead of in the middle of it.
function syntaxCheck(operations: ScriptOperation[], unwrapped: Partial<CommandOptions>, file: string): string[] {
  const inline = operations.some((op) =>
    op.commands.some((c) => c.type === "shell" && runsDirectly({ ...options(op.global), ...unwrapped }, op.global)),
  );
  if (!inline) return [];
  return [
    `__ia_e=$(sh -n ${file} 2>&1) || { printf '%s\\n' "a command of this host's operations is not valid shell, so nothing was run: $__ia_e" >&2; exit 2; }`,
  ];
}

// How an operation's commands run: as whom, in which shell, environment and directory.
function options(global: GlobalArgs): CommandOptions {
  return {
    ...sudoOptions(global),
    ...(global.shellExecutable !== "sh" ? { shellExecutable: global.shellExecutable } : {}),
    ...(global.env ? { env: global.env } : {}),
    ...(global.chdir ? { cwd: global.chdir } : {}),
  };
}

// A shell command's line: wrapped for its user and shell, under the target's `timeout` when
// `_timeout` is given (it runs as the command's user, inside the wrapper: sudo's password stays in
// this shell; without a shell of its own the command's words go to `timeout` as they are).
function shellLine(command: string, global: GlobalArgs, opts: CommandOptions, wrap: Wrap): string {
  if (global.timeout === undefined) return wrap(command, opts);
  const seconds = Math.ceil(global.timeout);
  const run =
    global.shellExecutable === null ? command : `${shellQuote(global.shellExecutable)} -c ${shellQuote(command)}`;
  return wrap(`if command -v timeout >/dev/null 2>&1; then exec timeout -k 5 ${seconds} ${run}; else exec ${run}; fi`, {
    ...opts,
    shellExecutable: "sh",
  });
}

// A command line whose exit codes in `_success_exit_codes` count as success (the operation goes on
// to its next command); any other stops the operation with that code (0, when not listed, with 1).
function succeeds(line: string, codes: number[] | undefined): string {
  if (codes === undefined) return line;
  const zeroFails = codes.includes(0)
    ? ""
    : ` [ $__ia_c -ne 0 ] || { echo "exit code 0 is not one of _success_exit_codes (${codes.join(", ")})" >&2; __ia_c=1; };`;
  return `__ia_c=0; ${line} || __ia_c=$?; case $__ia_c in ${codes.join("|")}) ;; *)${zeroFails} exit $__ia_c ;; esac`;
}

// The script lines of one command of an operation (`id` names its staged file, if any).
function renderCommand(
  command: Command,
  op: ScriptOperation,
  wrap: Wrap,
  id: string,
  unwrapped: Partial<CommandOptions>,
): string[] {
  const opts = { ...options(op.global), ...unwrapped };
  const direct = runsDirectly(opts, op.global);
  switch (command.type) {
    case "shell": {
      const line = direct ? inlineCommand(command.command, opts) : shellLine(command.command, op.global, opts, wrap);
      return [succeeds(line, op.global.successExitCodes)];
    }
    case "file": {
      if (direct)
        return inlineFileWrite({
          path: command.path,
          tag: randomBytes(8).toString("hex"),
          content: command.content,
          sha256: sha256(Buffer.from(command.content, "base64")),
          ...(command.ifSha256 !== undefined ? { guard: command.ifSha256 } : {}),
          ...(command.mode ? { mode: command.mode } : {}),
          ...(command.user ? { user: command.user } : {}),
          ...(command.group ? { group: command.group } : {}),
        });
      // The bytes travel in the script (base64) to the private directory, then through the
      // installer's standard input, which runs as the operation's user.
      const staged = `"$__ia_dir/f${id}"`;
      const content = Buffer.from(command.content, "base64");
      // A tag of its own (it shows on the installer's command line; the run's nonce must not).
      const tag = randomBytes(8).toString("hex");
      const installer = fileInstallScript({
        path: command.path,
        tag,
        ...(command.mode ? { mode: command.mode } : {}),
        ...(command.user ? { user: command.user } : {}),
        ...(command.group ? { group: command.group } : {}),
      });
      const header = fileHeader(tag, content.length, command.ifSha256).trimEnd();
      return [
        `(umask 077; base64 -d > ${staged}) <<'__IA_EOF_${tag}'`,
        ...(command.content.match(/.{1,76}/g) ?? []),
        `__IA_EOF_${tag}`,
        `{ printf '%s\\n' ${shellQuote(header)}; cat ${staged}; } | ${wrap(installer, { ...opts, keepStdin: true })}`,
        `rm -f ${staged}`,
      ];
    }
    case "get":
      return [":"];
    case "reboot": {
      // Without either command nothing would reboot, and reconnecting at once would pass for a reboot: fail instead.
      const reboot =
        'if command -v reboot >/dev/null 2>&1 || command -v shutdown >/dev/null 2>&1; then (sleep 1; reboot || shutdown -r now) >/dev/null 2>&1 & else echo "cannot reboot: neither reboot nor shutdown is installed on this host" >&2; exit 1; fi';
      return [wrap(reboot, opts)];
    }
    case "call":
      // Calls run on this machine: apply-host never puts them in a script.
      throw new Error("internal: a call command reached the apply script");
  }
}
