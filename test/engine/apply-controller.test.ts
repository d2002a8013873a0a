// The parts of apply that run on this machine, with a plain-object progress and a scripted host:
// how python.call reports what its function threw, and how _retry_until decides, try after try.
import { describe, expect, test } from "vitest";
import { type ControllerInput, runCall, runRetrying } from "../../src/engine/apply-controller.js";
import type { OperationOutcome } from "../../src/engine/apply-output.js";
import type { RegisteredOperation } from "../../src/engine/deploy-context.js";
import { splitArgs } from "../../src/engine/global-args.js";
import type { PlannedOperation } from "../../src/engine/host-status.js";
import type { OperationHandle } from "../../src/engine/operation-handle.js";
import { call } from "../../src/operations/python/call.js";

const noHandle = (_value: unknown): _value is OperationHandle => false;

// An operation as planning leaves it: python.call of `fn`, or a shell command with these global arguments.
function planned(raw: Record<string, unknown>, fn?: () => unknown): PlannedOperation {
  const { global } = splitArgs(raw, {}, noHandle);
  const args = fn ? call.validate({ function: fn }) : {};
  const plan = fn ? call.plan(args as never, { get: () => undefined as never }, undefined) : undefined;
  const registered = { index: 0, label: "op", definition: call, args, global } as unknown as RegisteredOperation;
  return {
    registered,
    plan: plan ?? { changed: true, commands: [{ type: "shell", command: "try" }] },
    durationMs: 0,
  };
}

function input(): ControllerInput {
  return {
    progress: { outcomes: new Map(), durations: new Map(), began: new Set(), interrupted: false },
    now: () => 0,
  };
}

describe("python.call", () => {
  test.each([
    ["returns", () => 42, { status: "ok", stdout: "", stderr: "" }],
    ["resolves", async () => "done", { status: "ok", stdout: "", stderr: "" }],
    [
      "throws a TypeError",
      () => {
        throw new TypeError("no such key");
      },
      { status: "failed", stdout: "", stderr: "TypeError: no such key" },
    ],
    [
      "rejects with an Error",
      async () => Promise.reject(new Error("the API said 503")),
      { status: "failed", stdout: "", stderr: "the API said 503" },
    ],
    ["throws a string", () => Promise.reject("nope"), { status: "failed", stdout: "", stderr: "threw nope" }],
  ])("a function that %s", async (_, fn, outcome) => {
    const io = input();
    await runCall(planned({}, fn), false, io);
    expect(io.progress.outcomes.get(0)).toEqual(outcome);
  });

  test("_retries tries a throwing function again; _if not met skips it without calling it", async () => {
    let calls = 0;
    const flaky = () => {
      calls++;
      if (calls < 3) throw new Error(`try ${calls}`);
    };
    const io = input();
    await runCall(planned({ _retries: 2, _retry_delay: 0 }, flaky), false, io);
    expect([calls, io.progress.outcomes.get(0)?.status]).toEqual([3, "ok"]);

    const skipped = input();
    await runCall(planned({}, flaky), true, skipped);
    expect([calls, skipped.progress.outcomes.get(0)?.status]).toEqual([3, "skipped"]);
  });
});

describe("_retry_until", () => {
  // Runs an operation whose tries give these outcomes, in turn; returns how many ran and the last outcome.
  async function tries(raw: Record<string, unknown>, results: OperationOutcome[]) {
    const io = input();
    let ran = 0;
    await runRetrying(
      planned({ _retry_delay: 0, ...raw }),
      async () => {
        io.progress.outcomes.set(0, results[Math.min(ran, results.length - 1)] as OperationOutcome);
        ran++;
      },
      io,
    );
    return { ran, outcome: io.progress.outcomes.get(0) };
  }
  const ok = (stdout: string): OperationOutcome => ({ status: "ok", exitCode: 0, stdout, stderr: "" });
  const failed: OperationOutcome = { status: "failed", exitCode: 2, stdout: "", stderr: "boom" };
  const untilReady = ({ stdout }: { stdout: string }) => !stdout.includes("ready");

  test("tries until the function says enough", async () => {
    const { ran, outcome } = await tries({ _retries: 5, _retry_until: untilReady }, [
      ok("wait"),
      ok("wait"),
      ok("ready"),
    ]);
    expect([ran, outcome?.status]).toEqual([3, "ok"]);
  });

  test("a failed try is tried again; still failing after the last retry, it fails", async () => {
    expect(await tries({ _retries: 2, _retry_until: untilReady }, [failed, ok("ready")])).toMatchObject({
      ran: 2,
      outcome: { status: "ok" },
    });
    expect(await tries({ _retries: 2, _retry_until: untilReady }, [failed])).toMatchObject({
      ran: 3,
      outcome: { status: "failed", exitCode: 2 },
    });
  });

  test("still asking for a retry after the last one fails the operation, saying so", async () => {
    const { ran, outcome } = await tries({ _retries: 2, _retry_until: () => true }, [ok("never")]);
    expect(ran).toBe(3);
    expect(outcome).toEqual({
      status: "failed",
      exitCode: undefined,
      stdout: "never",
      stderr: "_retry_until still asked for a retry after 2 retries",
    });
  });

  test("a _retry_until that throws fails the operation with its message", async () => {
    const { ran, outcome } = await tries(
      {
        _retries: 2,
        _retry_until: () => {
          throw new RangeError("bad output");
        },
      },
      [ok("x")],
    );
    expect([ran, outcome?.status, outcome?.stderr]).toEqual([
      1,
      "failed",
      "_retry_until failed: RangeError: bad output",
    ]);
  });
});
