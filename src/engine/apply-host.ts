// Applying one host's plan: its changed operations as one remote script (one per part when a
// reboot splits them, waiting for the host to come back between parts; python.call functions and
// `_retry_until` operations run from this machine between scripts). The first failing
// operation stops the host unless it has _ignore_errors. Outcomes are recorded as the script's
// markers stream in (an interruption can still say what was applied); the verdict is returned.
// One file, a little over 300 lines: splitting, running and judging the parts share the progress.
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import type { Connector } from "../connectors/connector.js";
import { CommandError, ConnectError, isUserError, withoutHostName } from "../errors.js";
import { asSentence } from "../util/sentence.js";
import { runCall, runRetrying } from "./apply-controller.js";
import { ApplyOutput, type OperationOutcome } from "./apply-output.js";
import { buildApplyScript, type ScriptOperation } from "./apply-script.js";
import { fatalLines } from "./fatal-lines.js";
import { type AppliedOperations, appliedStatus, type PlannedOperation } from "./host-status.js";
import { scriptRunner } from "./markers.js";

// What apply knows so far about one host, by operation index.
export class ApplyProgress implements AppliedOperations {
  readonly outcomes = new Map<number, OperationOutcome>();
  readonly durations = new Map<number, number>();
  readonly notRun = new Map<number, string>();
  readonly began = new Set<number>();
  // The operations apply runs (empty until it starts).
  running: PlannedOperation[] = [];
  // What the script now running printed so far for an operation (kept for those that never ended).
  printed: (index: number) => { stdout: string; stderr: string } | undefined = () => undefined;
  // Set on interruption: what apply learns afterwards (killed commands) does not rewrite the story.
  interrupted = false;
}

// What applying a host needs: its connection (and how to make another), the clock, its progress.
export interface ApplyHostInput {
  host: string;
  // The host's connection, connected; a reboot replaces it.
  link: { connector?: Connector };
  // Makes a new connector for the host (not yet connected).
  reconnect(): Connector;
  now(): number;
  // Counts remote executions (the report shows them).
  countExecution(): void;
  progress: ApplyProgress;
}

// Applies `toRun` (the operations of the plan `all` that run); the outcomes are in
// `input.progress`, and the verdict says why the host failed, if it did.
export async function applyHost(
  toRun: PlannedOperation[],
  all: PlannedOperation[],
  input: ApplyHostInput,
): Promise<{ error?: string }> {
  const { progress } = input;
  if (toRun.length === 0) return {};
  progress.running = toRun;
  const byIndex = new Map(all.map((op) => [op.registered.index, op]));
  const outcome = (op: PlannedOperation) => progress.outcomes.get(op.registered.index);
  const stops = (op: PlannedOperation) => outcome(op)?.status === "failed" && !op.registered.global.ignoreErrors;
  const changed: number[] = [];
  // Why the rest stopped when it was not an operation's failure (lost connection, lock, reboot).
  let stopped: string | undefined;
  for (const part of splitParts(toRun)) {
    // Interrupted (between parts, or while waiting for a reboot): nothing more starts.
    if (progress.interrupted) break;
    try {
      const [op] = part.ops as [PlannedOperation];
      if (part.kind === "call")
        await runCall(
          op,
          requiredIndexes(op, byIndex).some((i) => !changed.includes(i)),
          input,
        );
      else if (part.kind === "retry") await runRetrying(op, () => runScript([op], byIndex, changed, input), input);
      else {
        await runScript(part.ops, byIndex, changed, input);
        const last = part.ops.at(-1);
        const reboot = last?.plan?.changed ? last.plan.commands.find((c) => c.type === "reboot") : undefined;
        if (reboot?.type === "reboot" && last && outcome(last)?.status === "ok") {
          await waitForReboot(reboot.delay, reboot.interval, reboot.timeout, input);
        }
      }
      for (const op of part.ops) {
        if (outcome(op)?.status === "ok") changed.push(op.registered.index);
        publishOutcome(op, outcome(op));
      }
    } catch (error) {
      if (!isUserError(error)) throw error;
      stopped = withoutHostName(error.message, input.host);
      break;
    }
    if (part.ops.some(stops)) break;
  }
  if (progress.interrupted) return {};
  const stopping = toRun.find(stops);
  for (const op of toRun) {
    const index = op.registered.index;
    if (outcome(op)) continue;
    if (progress.began.has(index)) {
      const printed = progress.printed(index);
      const why = `did not finish: ${stopped ?? "the apply script stopped while it ran"}`;
      progress.outcomes.set(index, {
        status: "failed",
        stdout: printed?.stdout ?? "",
        stderr: `${printed?.stderr ?? ""}\n${why}`.trim(),
      });
    } else {
      progress.notRun.set(
        index,
        stopping
          ? "not run: an earlier operation failed"
          : stopped
            ? `not run: ${stopped}`
            : "not run: the apply script ended before it",
      );
    }
  }
  for (const op of toRun) op.registered.handle.status = appliedStatus(outcome(op));
  return verdict(toRun, progress, stopping, stopped);
}

// Why the host failed on apply, if it did: an operation's failure (its exit code and fatal lines),
// or the script stopping before every operation ran.
function verdict(
  toRun: PlannedOperation[],
  progress: ApplyProgress,
  stopping: PlannedOperation | undefined,
  stopped: string | undefined,
): { error?: string } {
  const outcome = (op: PlannedOperation) => progress.outcomes.get(op.registered.index);
  const applied = toRun.filter((op) => outcome(op)?.status === "ok").map((op) => `"${op.registered.label}"`);
  const notRun = toRun.filter((op) => progress.notRun.has(op.registered.index)).length;
  const plural = notRun === 1 ? "" : "s";
  if (stopping) {
    const rest = notRun ? `; ${notRun} operation${plural} after it did not run` : "";
    const why = fatalLines(outcome(stopping)?.stderr ?? "");
    const code = outcome(stopping)?.exitCode;
    return {
      error: `operation "${stopping.registered.label}" failed${code === undefined ? "" : ` with exit code ${code}`}${why ? `: ${why}` : ""}${rest}.`,
    };
  }
  const failed = toRun.some((op) => outcome(op)?.status === "failed" && !op.registered.global.ignoreErrors);
  if (!stopped && !notRun && !failed) return {};
  const unfinished = toRun.find((op) => outcome(op)?.status === "failed");
  const cause = stopped ?? `the apply script ended before running ${notRun} planned operation${plural}.`;
  return {
    error: `${asSentence(cause)}${unfinished ? ` "${unfinished.registered.label}" did not finish.` : ""} Applied before that: ${applied.length ? applied.join(", ") : "nothing"}; ${notRun} planned operation${plural} did not run.`,
  };
}

// Marks the operations that began and never ended as interrupted; returns the host's error, or
// undefined when apply had not started there.
export function interruptApply(progress: ApplyProgress, signal: string): string | undefined {
  progress.interrupted = true;
  if (progress.running.length === 0) return undefined;
  for (const op of progress.running) {
    const index = op.registered.index;
    if (progress.outcomes.has(index) || !progress.began.has(index)) continue;
    progress.outcomes.set(index, { status: "failed", stdout: "", stderr: `interrupted by ${signal} while running` });
  }
  const labels = (ops: PlannedOperation[]) => ops.map((op) => `"${op.registered.label}"`).join(", ") || "nothing";
  const ok = (op: PlannedOperation) => progress.outcomes.get(op.registered.index)?.status === "ok";
  return `interrupted by ${signal} during apply. Applied: ${labels(progress.running.filter(ok))}. Not applied: ${labels(progress.running.filter((op) => !ok(op)))}.`;
}

// Runs one script of operations and records each one's outcome (and files.get downloads).
async function runScript(
  part: PlannedOperation[],
  byIndex: Map<number, PlannedOperation>,
  changedBefore: number[],
  input: ApplyHostInput,
): Promise<void> {
  const { progress, now } = input;
  const connector = input.link.connector as Connector;
  const nonce = randomBytes(6).toString("hex");
  const scriptOps: ScriptOperation[] = part.map((op) => ({
    index: op.registered.index,
    commands: op.plan?.changed ? op.plan.commands : [],
    // `_retry_until` operations are tried again from here (runRetrying), not by the script.
    global: op.registered.global.retryUntil ? { ...op.registered.global, retries: 0 } : op.registered.global,
    requires: requiredIndexes(op, byIndex),
  }));
  const script = buildApplyScript(
    scriptOps,
    (command, options) => connector.wrapCommand(command, options),
    nonce,
    changedBefore,
  );
  const password = scriptOps.find((op) => op.global.sudoPassword)?.global.sudoPassword;
  const started = new Map<number, number>();
  const inPart = new Set(part.map((op) => op.registered.index));
  // Outcomes as the markers stream in, so an interruption still knows what was applied.
  const output = new ApplyOutput(nonce, {
    begin: (index) => {
      progress.began.add(index);
      started.set(index, now());
    },
    end: (index, exitCode) => {
      if (!inPart.has(index)) return;
      progress.outcomes.set(index, { status: exitCode === 0 ? "ok" : "failed", exitCode, stdout: "", stderr: "" });
      progress.durations.set(index, now() - (started.get(index) ?? now()));
    },
  });
  progress.printed = (index) => output.output(index);
  input.countExecution();
  const result = await connector.run(scriptRunner("apply script"), {
    stdin: script,
    ...(password ? { sudoPassword: password } : {}),
    onOutput: (stream, chunk) => output.push(stream, chunk),
  });
  output.finish(result.exitCode);
  const said = fatalLines(output.outsideStderr());
  const fields = { host: input.host, exitCode: result.exitCode, stderr: output.outsideStderr() };
  if (output.locked) throw new CommandError(said || "another apply holds the host's lock", fields);
  if (!output.staged) {
    throw new CommandError(
      `could not start the apply script (exit code ${result.exitCode})${said ? `: ${said}` : ""}; nothing was applied by it.`,
      fields,
    );
  }
  for (const op of part) {
    const index = op.registered.index;
    const outcome = output.outcome(index);
    if (outcome) progress.outcomes.set(index, outcome);
    const get = op.plan?.changed ? op.plan.commands.find((c) => c.type === "get") : undefined;
    if (get?.type === "get" && progress.outcomes.get(index)?.status === "ok") {
      try {
        input.countExecution();
        await writeFile(get.local, await connector.getFile(get.path, op.registered.global));
      } catch (error) {
        progress.outcomes.set(index, { status: "failed", stdout: "", stderr: (error as Error).message });
      }
    }
  }
  const failed = part.some(
    (op) => progress.outcomes.get(op.registered.index)?.status === "failed" && !op.registered.global.ignoreErrors,
  );
  if (!output.done && !failed) {
    throw new CommandError(
      `the apply script stopped unexpectedly (exit code ${result.exitCode})${said ? `: ${said}` : ""}.`,
      fields,
    );
  }
}

// After a reboot: wait, then reconnect every `interval` seconds until `timeout`.
async function waitForReboot(delay: number, interval: number, timeout: number, input: ApplyHostInput): Promise<void> {
  await input.link.connector?.disconnect().catch(() => undefined);
  await sleep(delay * 1000);
  const deadline = input.now() + timeout * 1000;
  let last = "";
  // Interrupted while waiting: no new connection (the clean-up has already disconnected the host).
  while (input.now() < deadline && !input.progress.interrupted) {
    const connector = input.reconnect();
    try {
      await connector.connect();
      if (input.progress.interrupted) {
        await connector.disconnect().catch(() => undefined);
        return;
      }
      input.link.connector = connector;
      return;
    } catch (error) {
      last = (error as Error).message;
      await sleep(interval * 1000);
    }
  }
  throw new ConnectError(`the host did not come back within ${timeout}s of rebooting${last ? ` (${last})` : ""}.`, {
    host: input.host,
  });
}

// A part of a host's apply: operations run as one script, or one operation run from this machine
// (a python.call function, or one whose `_retry_until` decides here after each try).
interface Part {
  kind: "script" | "call" | "retry";
  ops: PlannedOperation[];
}

// Splits operations into scripts that each end with a reboot (or before a call, or the last
// operation), and parts of their own for calls and `_retry_until` operations.
function splitParts(operations: PlannedOperation[]): Part[] {
  const parts: Part[] = [];
  let script: PlannedOperation[] = [];
  const flush = () => {
    if (script.length) parts.push({ kind: "script", ops: script });
    script = [];
  };
  for (const op of operations) {
    const commands = op.plan?.changed ? op.plan.commands : [];
    if (commands.some((c) => c.type === "call")) {
      flush();
      parts.push({ kind: "call", ops: [op] });
    } else if (commands.length && op.registered.global.retryUntil) {
      flush();
      parts.push({ kind: "retry", ops: [op] });
    } else {
      script.push(op);
      if (commands.some((c) => c.type === "reboot")) flush();
    }
  }
  flush();
  return parts;
}

// Tells the operation's handle how it went, as soon as it ended (python.call functions after it read it).
function publishOutcome(op: PlannedOperation, outcome: OperationOutcome | undefined): void {
  if (!outcome) return;
  const handle = op.registered.handle;
  handle.status = appliedStatus(outcome);
  handle.stdout = outcome.stdout;
  handle.stderr = outcome.stderr;
}

// `_if` operations, by index, that must have changed for this one to run.
function requiredIndexes(op: PlannedOperation, byIndex: Map<number, PlannedOperation>): number[] {
  const condition = op.registered.global.if;
  if (!Array.isArray(condition)) return [];
  return [...byIndex.values()]
    .filter((other) => condition.includes(other.registered.handle))
    .map((other) => other.registered.index);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
