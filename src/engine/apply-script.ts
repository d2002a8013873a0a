// The one remote script that applies a host's changed operations in order: every operation with
// /dev/null as input, files written through the installer, the host lock, and (see markers.ts) how
// it reaches the host and marks its parts.
import { randomBytes } from "node:crypto";
import type { CommandOptions } from "../connectors/connector.js";
import { fileHeader, fileInstallScript } from "../connectors/file-install.js";
import type { Command } from "../operations/operation.js";
import { shellQuote } from "../util/shell-quote.js";
import { type GlobalArgs, sudoOptions } from "./global-args.js";
import { markerFunctions, stagedScript } from "./markers.js";

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
// lists operations an earlier script (before a reboot) changed, for `_if`.
export function buildApplyScript(
  operations: ScriptOperation[],
  wrap: Wrap,
  nonce: string,
  changedBefore: number[] = [],
): string {
  const out = [
    markerFunctions(nonce),
    "__ia_mark staged",
    ...lockLines(),
    ...changedBefore.map((index) => `__ia_changed_${index}=1`),
  ];
  for (const op of operations) {
    const condition = op.requires.length ? op.requires.map((i) => `[ "$__ia_changed_${i}" = 1 ]`).join(" && ") : "true";
    out.push(
      `# operation ${op.index}`,
      `if ${condition}; then`,
      `__ia_mark begin:${op.index}`,
      "__ia_try=0",
      "while :; do",
      "( set -e",
      ...op.commands.flatMap((command, j) => renderCommand(command, op, wrap, `${op.index}-${j}`)),
      // (fd 9 holds the host lock: a daemon an operation starts must not keep it)
      ") </dev/null 9>&-; __ia_rc=$?",
      `[ $__ia_rc -eq 0 ] && break; __ia_try=$((__ia_try+1)); [ $__ia_try -gt ${op.global.retries} ] && break; sleep ${op.global.retryDelay}`,
      "done",
      `__ia_mark end:${op.index}:$__ia_rc`,
      `if [ $__ia_rc -eq 0 ]; then __ia_changed_${op.index}=1; ${op.global.ignoreErrors ? "fi" : "else exit $__ia_rc; fi"}`,
      `else __ia_mark skip:${op.index}; fi`,
    );
  }
  out.push("__ia_mark done", "exit 0");
  return stagedScript(nonce, out.join("\n"));
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

function options(global: GlobalArgs): CommandOptions {
  return {
    ...sudoOptions(global),
    ...(global.env ? { env: global.env } : {}),
    ...(global.chdir ? { cwd: global.chdir } : {}),
  };
}

function renderCommand(command: Command, op: ScriptOperation, wrap: Wrap, id: string): string[] {
  const opts = options(op.global);
  switch (command.type) {
    case "shell": {
      if (op.global.timeout === undefined) return [wrap(command.command, opts)];
      // The timeout runs as the command's user, inside its wrapper (sudo's password stays in this shell).
      const seconds = Math.ceil(op.global.timeout);
      const quoted = shellQuote(command.command);
      return [
        wrap(
          `if command -v timeout >/dev/null 2>&1; then exec timeout -k 5 ${seconds} sh -c ${quoted}; else exec sh -c ${quoted}; fi`,
          opts,
        ),
      ];
    }
    case "file": {
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
  }
}
