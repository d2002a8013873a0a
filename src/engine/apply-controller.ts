// The parts of a host's apply that run on this machine: python.call functions, and operations
// whose `_retry_until` decides here, after each try on the host, whether to try again.
import { callbackOf } from "../operations/python/call.js";
import type { OperationOutcome } from "./apply-output.js";
import type { GlobalArgs } from "./global-args.js";
import type { PlannedOperation } from "./host-status.js";

// What these parts record into (the host's apply progress) and the clock.
export interface ControllerInput {
  progress: {
    outcomes: Map<number, OperationOutcome>;
    durations: Map<number, number>;
    began: Set<number>;
    interrupted: boolean;
  };
  now(): number;
}

// Runs an operation's function on this machine (python.call), unless its `_if` operations did not
// change; a thrown error (or rejected promise) fails it with its message, after `_retries` tries.
export async function runCall(op: PlannedOperation, skip: boolean, input: ControllerInput): Promise<void> {
  const { progress, now } = input;
  const index = op.registered.index;
  if (skip) {
    progress.outcomes.set(index, { status: "skipped", stdout: "", stderr: "" });
    return;
  }
  const commands = op.plan?.changed ? op.plan.commands : [];
  const invoke = callbackOf(op.registered.args);
  const started = now();
  progress.began.add(index);
  const global = op.registered.global;
  let failure = "";
  for (let attempt = 0; attempt <= global.retries && !progress.interrupted; attempt++) {
    if (attempt > 0) await sleep(global.retryDelay * 1000);
    try {
      if (!invoke || commands.some((c) => c.type !== "call"))
        throw new Error(
          `${op.registered.definition.name} planned a call on this machine without a function argument, or mixed with host commands`,
        );
      await invoke();
      failure = "";
      break;
    } catch (error) {
      failure = describeThrown(error);
    }
  }
  // Interrupted meanwhile: the interruption has said what became of it.
  if (progress.interrupted) return;
  progress.outcomes.set(
    index,
    failure ? { status: "failed", stdout: "", stderr: failure } : { status: "ok", stdout: "", stderr: "" },
  );
  progress.durations.set(index, now() - started);
}

// An error thrown by a deploy's function, as the report shows it: "TypeError: …", or its message.
function describeThrown(error: unknown): string {
  if (!(error instanceof Error)) return `threw ${String(error)}`;
  return error.name && error.name !== "Error" ? `${error.name}: ${error.message}` : error.message;
}

// Runs an operation with `_retry_until` try after try: its function, given each try's output,
// says whether to try again (a failed try is tried again too), up to `_retries` times
// `_retry_delay` apart. Still asking for a retry after the last one fails the operation.
export async function runRetrying(
  op: PlannedOperation,
  runTry: () => Promise<void>,
  input: ControllerInput,
): Promise<void> {
  const { progress, now } = input;
  const index = op.registered.index;
  const global = op.registered.global;
  const retryUntil = global.retryUntil as NonNullable<GlobalArgs["retryUntil"]>;
  const started = now();
  for (let attempt = 0; ; attempt++) {
    progress.outcomes.delete(index);
    await runTry();
    if (progress.interrupted) return;
    const outcome = progress.outcomes.get(index);
    if (!outcome || outcome.status === "skipped") return;
    progress.durations.set(index, now() - started);
    let again = outcome.status === "failed";
    if (!again) {
      try {
        again = Boolean(
          await retryUntil({ stdout: outcome.stdout, stderr: outcome.stderr, exitCode: outcome.exitCode ?? 0 }),
        );
      } catch (error) {
        progress.outcomes.set(index, {
          ...outcome,
          status: "failed",
          exitCode: undefined,
          stderr: `${outcome.stderr}\n_retry_until failed: ${describeThrown(error)}`.trim(),
        });
        return;
      }
    }
    if (!again || progress.interrupted) return;
    if (attempt >= global.retries) {
      if (outcome.status === "ok") {
        progress.outcomes.set(index, {
          ...outcome,
          status: "failed",
          exitCode: undefined,
          stderr: `${outcome.stderr}\n_retry_until still asked for a retry after ${global.retries} retries`.trim(),
        });
      }
      return;
    }
    await sleep(global.retryDelay * 1000);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
