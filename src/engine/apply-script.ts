// Builds the one remote script that applies a host's changed operations in order, with a status
// marker around each, and reads the markers back from its output.
import type { CommandOptions } from "../connectors/connector.js";
import { shellQuote } from "../connectors/shell.js";
import type { Command } from "../operations/operation.js";
import { type GlobalArgs, sudoOptions } from "./global-args.js";
import { markedSection } from "./markers.js";

export interface ScriptOperation {
  index: number;
  commands: Command[];
  global: GlobalArgs;
  // Operations (by index) that must have changed for this one to run (`_if`).
  requires: number[];
}

export interface OperationOutcome {
  status: "ok" | "failed" | "skipped";
  exitCode?: number;
  stdout: string;
  stderr: string;
}

type Wrap = (command: string, options: CommandOptions) => string;

// Where the apply lock lives on a host, and how long a second apply waits for it.
export const lockPath = "/tmp/.infra-action-apply.lock";
export const lockWaitSeconds = 120;

// The script for a list of operations. `wrap` is the connector's (sudo, env, cwd); `changedBefore`
// lists operations an earlier script (before a reboot) changed, for `_if`.
export function buildApplyScript(
  operations: ScriptOperation[],
  wrap: Wrap,
  nonce: string,
  changedBefore: number[] = [],
): string {
  const out = [
    "#!/bin/sh",
    `__ia_mark() { printf '\\n@@${nonce}:%s\\n' "$1"; printf '\\n@@${nonce}:%s\\n' "$1" >&2; }`,
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
      ...op.commands.flatMap((command, j) => renderCommand(command, op, wrap, `${nonce}-${op.index}-${j}`)),
      "); __ia_rc=$?",
      `[ $__ia_rc -eq 0 ] && break; __ia_try=$((__ia_try+1)); [ $__ia_try -gt ${op.global.retries} ] && break; sleep ${op.global.retryDelay}`,
      "done",
      `__ia_mark end:${op.index}:$__ia_rc`,
      `if [ $__ia_rc -eq 0 ]; then __ia_changed_${op.index}=1; ${op.global.ignoreErrors ? "fi" : "else exit $__ia_rc; fi"}`,
      `else __ia_mark skip:${op.index}; fi`,
    );
  }
  out.push("exit 0", "");
  return out.join("\n");
}

// One apply at a time per host: a lock directory (mkdir is atomic) holding its owner's PID; a
// second apply waits (bounded), and a lock whose owner is gone is taken over. Released on exit.
function lockLines(): string[] {
  return [
    `__ia_lock=${lockPath}; __ia_waited=0`,
    'while ! mkdir "$__ia_lock" 2>/dev/null; do',
    '  __ia_owner=$(cat "$__ia_lock/pid" 2>/dev/null)',
    '  if [ -n "$__ia_owner" ] && [ ! -d "/proc/$__ia_owner" ]; then rm -rf "$__ia_lock"; continue; fi',
    `  if [ $__ia_waited -ge ${lockWaitSeconds} ]; then echo "another infra-action apply is running on this host (lock $__ia_lock, process $__ia_owner); gave up waiting after ${lockWaitSeconds}s" >&2; __ia_mark locked; exit 75; fi`,
    "  sleep 1; __ia_waited=$((__ia_waited+1))",
    "done",
    'echo $$ > "$__ia_lock/pid"',
    "trap 'rm -rf \"$__ia_lock\"' EXIT",
    "trap 'exit 143' INT TERM HUP",
    // A lost connection surfaces as SIGPIPE at the next write: exit through the trap that frees the lock.
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
      const line = wrap(command.command, opts);
      if (op.global.timeout === undefined) return [line];
      const seconds = Math.ceil(op.global.timeout);
      return [
        `if command -v timeout >/dev/null 2>&1; then timeout -k 5 ${seconds} sh -c ${shellQuote(line)}; else ${line}; fi`,
      ];
    }
    case "file": {
      // The bytes travel in the script (base64) to a private temporary file, then are moved into
      // place by the operation's user (through sudo when asked), unless the file already matches.
      const temp = `/tmp/.infra-action-${id}`;
      const d = shellQuote(command.path);
      const owner =
        command.user || command.group
          ? `chown ${shellQuote(`${command.user ?? ""}${command.group ? `:${command.group}` : ""}`)} "$t"; `
          : "";
      const changed = shellQuote(`${command.path} changed since the plan was made; nothing was written. Plan again.`);
      const guard =
        command.ifSha256 === undefined
          ? ""
          : `if ${command.ifSha256 === null ? `[ -e ${d} ]` : `[ "$(sha256sum < ${d} | cut -c1-64)" != ${command.ifSha256} ]`}; then echo ${changed} >&2; exit 1; fi; `;
      const install = `${guard}if [ -f ${d} ] && cmp -s ${temp} ${d}; then :; else t=$(mktemp "$(dirname ${d})/.infra-action.XXXXXX") && cat ${temp} > "$t" && ${command.mode ? `chmod ${command.mode} "$t" && ` : ""}${owner}mv -f "$t" ${d}; fi`;
      const readable = op.global.sudoUser && op.global.sudoUser !== "root" ? `; chmod 644 ${temp}` : "";
      return [
        `(umask 077; base64 -d > ${temp}${readable}) <<'__IA_EOF_${id}'`,
        ...(command.content.match(/.{1,76}/g) ?? []),
        `__IA_EOF_${id}`,
        `${wrap(install, opts)}; __ia_f=$?; rm -f ${temp}; [ $__ia_f -eq 0 ]`,
      ];
    }
    case "get":
      return [":"];
    case "reboot": {
      const reboot = "(sleep 1; reboot || shutdown -r now) >/dev/null 2>&1 &";
      return [wrap(reboot, opts)];
    }
  }
}

// Follows the script's markers as its output streams in: calls back when an operation begins
// and ends (so an interrupted run still knows what was applied).
export function createMarkerWatcher(
  nonce: string,
  on: { begin(index: number): void; end(index: number, exitCode: number): void },
): (chunk: Buffer) => void {
  let pending = "";
  const pattern = new RegExp(`@@${nonce}:(begin|end):(\\d+)(?::(\\d+))?\\n`, "g");
  return (chunk) => {
    pending += chunk.toString("utf8");
    let last = 0;
    for (const match of pending.matchAll(pattern)) {
      if (match[1] === "begin") on.begin(Number(match[2]));
      else on.end(Number(match[2]), Number(match[3]));
      last = (match.index ?? 0) + match[0].length;
    }
    // Keep only what may hold the start of a marker not yet complete.
    pending = pending.slice(Math.max(last, pending.length - 200));
  };
}

// Reads each operation's outcome and output from the script's stdout and stderr.
export function readApplyOutput(
  stdout: string,
  stderr: string,
  nonce: string,
  indexes: number[],
): Map<number, OperationOutcome> {
  const outcomes = new Map<number, OperationOutcome>();
  for (const index of indexes) {
    const out = stdout.includes(`@@${nonce}:skip:${index}\n`) ? undefined : markedSection(stdout, nonce, index);
    if (!out) {
      outcomes.set(index, { status: "skipped", stdout: "", stderr: "" });
      continue;
    }
    outcomes.set(index, {
      status: out.exitCode === 0 ? "ok" : "failed",
      ...(out.exitCode === undefined ? {} : { exitCode: out.exitCode }),
      stdout: out.output,
      stderr: markedSection(stderr, nonce, index)?.output ?? "",
    });
  }
  return outcomes;
}
