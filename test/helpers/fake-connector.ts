// A connector that replays recorded output, for the engine's fast unit tests: a plain object typed
// to the Connector interface. It answers the fact batch and the apply script from a table, printing
// the markers the engine reads, and can refuse to connect, hang, or lose the connection mid-script.
import type { Connector, RunOptions, RunResult } from "../../src/connectors/connector.js";
import { CommandError, ConnectError, notConnected } from "../../src/errors.js";

// What a command prints and how it ends; `delayMs` makes it take that long, `hang` waits until
// the connector is disconnected, `drop` loses the connection as the command starts.
export interface Answer {
  stdout?: string;
  stderr?: string;
  exitCode?: number;
  delayMs?: number;
  hang?: boolean;
  drop?: boolean;
}

export interface FakeHost {
  // Refuses to connect, with this message.
  unreachable?: string;
  // Disconnecting takes this long (a container being removed); what it ends is ended at once.
  disconnectMs?: number;
  // Fact answers by a piece of the fact's command (first match); unmatched facts print nothing, exit 0.
  facts?: Array<[string, Answer]>;
  // Apply answers by a piece of the operation's commands (first match); unmatched ones succeed.
  commands?: Array<[string, Answer]>;
}

export interface FakeConnector extends Connector {
  // What the fake was asked, in order, each after the host's name: "connect", "disconnect",
  // "facts", "apply 0,1,2" (the operations an apply script held), "applied" (the script ended)
  // and "run <command>" for anything else.
  readonly log: string[];
}

// Makes a fake connector for one host; `log` is shared when given (to see every host's calls).
export function createFakeConnector(host: string, behaviour: FakeHost = {}, log: string[] = []): FakeConnector {
  let release: (() => void) | undefined;
  const released = () => new Promise<void>((resolve) => (release = resolve));
  // As the real connectors: commands run only between connect and disconnect.
  let connected = false;
  return {
    host,
    log,
    connect: async () => {
      log.push(`${host} connect`);
      if (behaviour.unreachable) throw new ConnectError(`${host}: ${behaviour.unreachable}`);
      connected = true;
    },
    disconnect: async () => {
      connected = false;
      release?.();
      if (behaviour.disconnectMs) await new Promise((resolve) => setTimeout(resolve, behaviour.disconnectMs));
      log.push(`${host} disconnect`);
      return {};
    },
    wrapCommand: (command) => command,
    putFile: async () => undefined,
    getFile: async () => Buffer.from(""),
    run: async (command, options: RunOptions = {}) => {
      if (!connected) throw notConnected(host);
      if (typeof options.stdin === "string" && command.includes("the apply script")) {
        return replayApply(host, options.stdin, behaviour, options, log, released);
      }
      if (typeof options.stdin === "string" && command.includes("the fact script")) {
        log.push(`${host} facts`);
        return replayFacts(options.stdin, behaviour);
      }
      log.push(`${host} run ${command}`);
      return { exitCode: 0, stdout: "", stderr: "" };
    },
  };
}

// The fact batch: each part's answer between its markers, its stderr as the part after the batch.
function replayFacts(script: string, behaviour: FakeHost): RunResult {
  const nonce = nonceOf(script);
  const parts = [...script.matchAll(/__ia_out begin:(\d+); \{ e=\$\( \( ([\s\S]*?)\n\) 2>&1/g)];
  let stdout = "";
  for (const [, index, command] of parts) {
    const answer = behaviour.facts?.find(([piece]) => command?.includes(piece))?.[1] ?? {};
    stdout += `\n@@${nonce}:begin:${index}\n${answer.stdout ?? ""}\n@@${nonce}:end:${index}:${answer.exitCode ?? 0}\n`;
    if (answer.stderr) {
      const errorPart = parts.length + Number(index);
      stdout += `\n@@${nonce}:begin:${errorPart}\n${answer.stderr}\n@@${nonce}:end:${errorPart}:0\n`;
    }
  }
  return { exitCode: 0, stdout, stderr: "" };
}

interface ScriptPart {
  index: number;
  requires: number[];
  body: string;
  ignoreErrors: boolean;
}

// The apply script, run as the real one would: markers on both streams, `_if` from what changed,
// the first failure without _ignore_errors stopping it.
async function replayApply(
  host: string,
  script: string,
  behaviour: FakeHost,
  options: RunOptions,
  log: string[],
  released: () => Promise<void>,
): Promise<RunResult> {
  const nonce = nonceOf(script);
  const parts = readParts(script);
  log.push(`${host} apply ${parts.map((p) => p.index).join(",")}`);
  const changed = new Set([...script.matchAll(/^__ia_changed_(\d+)=1$/gm)].map((m) => Number(m[1])));
  const out = { stdout: "", stderr: "" };
  const emit = (stream: "stdout" | "stderr", text: string) => {
    out[stream] += text;
    options.onOutput?.(stream, Buffer.from(text));
  };
  const mark = (what: string) => {
    emit("stdout", `\n@@${nonce}:${what}\n`);
    emit("stderr", `\n@@${nonce}:${what}\n`);
  };
  mark("staged");
  for (const part of parts) {
    if (!part.requires.every((i) => changed.has(i))) {
      mark(`skip:${part.index}`);
      continue;
    }
    mark(`begin:${part.index}`);
    const answer = behaviour.commands?.find(([piece]) => part.body.includes(piece))?.[1] ?? {};
    if (answer.drop) throw new CommandError(`${host}: the connection was lost.`);
    if (answer.hang) {
      await released();
      return { exitCode: 143, ...out };
    }
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (answer.stdout) emit("stdout", answer.stdout);
    if (answer.stderr) emit("stderr", answer.stderr);
    const exitCode = answer.exitCode ?? 0;
    mark(`end:${part.index}:${exitCode}`);
    if (exitCode === 0) changed.add(part.index);
    else if (!part.ignoreErrors) {
      log.push(`${host} applied`);
      return { exitCode, ...out };
    }
  }
  mark("done");
  log.push(`${host} applied`);
  return { exitCode: 0, ...out };
}

// Each operation of the script: its index, its `_if` operations, its commands, _ignore_errors.
function readParts(script: string): ScriptPart[] {
  return script
    .split(/^# operation /m)
    .slice(1)
    .map((text) => {
      const index = Number(/^\d+/.exec(text)?.[0]);
      const condition = /^if (.*); then$/m.exec(text)?.[1] ?? "true";
      const requires = [...condition.matchAll(/__ia_changed_(\d+)/g)].map((m) => Number(m[1]));
      const body = /\( set -e\n([\s\S]*?)\n\) <\/dev\/null[^;\n]*; __ia_rc=\$\?/.exec(text)?.[1] ?? "";
      return { index, requires, body, ignoreErrors: !/else exit \$__ia_rc; fi/.test(text) };
    });
}

// The run's nonce, as the staged script sets it.
function nonceOf(script: string): string {
  return /^__ia_n=([0-9a-f]+)$/m.exec(script)?.[1] ?? "";
}
