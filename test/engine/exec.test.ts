// The engine's ad-hoc `exec`: one command on the selected hosts through the connect seam, sudo by
// the global-argument rules (the command line over host data), one outcome per host.
import { describe, expect, test } from "vitest";
import type { Connector, RunOptions, RunResult } from "../../src/connectors/connector.js";
import { execOnHosts } from "../../src/engine/exec.js";
import { ConnectError, InterruptedError } from "../../src/errors.js";
import type { InventoryHost } from "../../src/inventory/types.js";

interface FakeHost {
  // What connect() does: nothing, or throw this.
  connectError?: Error;
  // What run() answers; `wait` keeps it pending until the connector is disconnected.
  result?: RunResult | "wait";
  output?: Array<["stdout" | "stderr", string]>;
}

interface Seen {
  runs: Array<{ host: string; command: string; options: RunOptions }>;
  disconnected: string[];
}

// A connector that answers from a table and records what it was asked (a plain object, no I/O).
function fakeConnect(table: Record<string, FakeHost>, seen: Seen) {
  return (host: InventoryHost): Connector => {
    const fake = table[host.name] ?? {};
    let release: () => void = () => undefined;
    return {
      host: host.name,
      connect: async () => {
        if (fake.connectError) throw fake.connectError;
      },
      run: async (command, options = {}) => {
        seen.runs.push({ host: host.name, command, options });
        for (const [stream, text] of fake.output ?? []) options.onOutput?.(stream, Buffer.from(text));
        if (fake.result === "wait") {
          await new Promise<void>((resolve) => {
            release = resolve;
          });
          return { exitCode: 255, stdout: "", stderr: "" };
        }
        return fake.result ?? { exitCode: 0, stdout: "", stderr: "" };
      },
      wrapCommand: (command) => command,
      putFile: async () => undefined,
      getFile: async () => Buffer.from(""),
      disconnect: async () => {
        seen.disconnected.push(host.name);
        release();
        // A container's removal takes a while; the run must wait for it.
        await new Promise((resolve) => setTimeout(resolve, 5));
        seen.disconnected.push(`${host.name} done`);
        return {};
      },
    };
  };
}

const hostOf = (name: string, data: Record<string, unknown> = {}): InventoryHost => ({
  name,
  connector: "ssh",
  groups: [],
  data,
});

const ticking = () => {
  let t = 0;
  return () => (t += 100);
};

describe("sudo follows the global-argument rules: the command line over host data", () => {
  test.each([
    { case: "no sudo anywhere", data: {}, cli: {}, options: {} },
    { case: "_sudo in host data", data: { _sudo: true }, cli: {}, options: { sudo: true } },
    {
      case: "_sudo with its user and password in host data",
      data: { _sudo: true, _sudo_user: "app", _sudo_password: "pw" },
      cli: {},
      options: { sudo: true, sudoUser: "app", sudoPassword: "pw" },
    },
    {
      case: "_sudo_user alone means sudo",
      data: { _sudo_user: "app" },
      cli: {},
      options: { sudo: true, sudoUser: "app" },
    },
    { case: "--sudo", data: {}, cli: { sudo: true }, options: { sudo: true } },
    {
      case: "--sudo-user over _sudo_user, with the host's password",
      data: { _sudo_user: "app", _sudo_password: "pw" },
      cli: { sudoUser: "root" },
      options: { sudo: true, sudoUser: "root", sudoPassword: "pw" },
    },
    { case: "_sudo: false", data: { _sudo: false, _sudo_password: "pw" }, cli: {}, options: {} },
  ])("$case", async ({ data, cli, options }) => {
    const seen: Seen = { runs: [], disconnected: [] };
    const outcomes = await execOnHosts(
      { hosts: [hostOf("web", data)], command: "id -un", parallel: 1, ...cli },
      { connect: fakeConnect({}, seen), now: ticking() },
    );
    expect(outcomes).toEqual([{ host: "web", status: "ok", exitCode: 0, ms: 100 }]);
    const [run] = seen.runs;
    const { onOutput, ...given } = run?.options ?? {};
    expect(run?.command).toBe("id -un");
    expect(given).toEqual(options);
    expect(seen.disconnected).toEqual(["web", "web done"]);
  });

  test("a host whose _sudo is not a boolean fails with the rule's message, and is not contacted", async () => {
    const seen: Seen = { runs: [], disconnected: [] };
    const outcomes = await execOnHosts(
      { hosts: [hostOf("web", { _sudo: "yes" }), hostOf("db")], command: "true", parallel: 2 },
      { connect: fakeConnect({}, seen), now: ticking() },
    );
    expect(outcomes[0]).toEqual({
      host: "web",
      status: "failed",
      message: 'global argument _sudo must be true or false; it is "yes" (a string).',
      ms: 100,
    });
    expect(outcomes[1]).toMatchObject({ host: "db", status: "ok" });
    expect(seen.runs.map((r) => r.host)).toEqual(["db"]);
  });
});

describe("one outcome per host, in inventory order", () => {
  test("exit codes, a timeout, an unreachable host and the output as it arrives", async () => {
    const seen: Seen = { runs: [], disconnected: [] };
    const output: string[] = [];
    const done: string[] = [];
    const outcomes = await execOnHosts(
      {
        hosts: ["ok", "bad", "slow", "gone"].map((name) => hostOf(name)),
        command: "run",
        parallel: 4,
        timeoutMs: 2000,
        events: {
          output: (host, stream, chunk) => output.push(`${host} ${stream} ${chunk.toString()}`),
          done: (host) => done.push(host),
        },
      },
      {
        connect: fakeConnect(
          {
            ok: { output: [["stdout", "hello\n"]] },
            bad: { result: { exitCode: 3, stdout: "", stderr: "" }, output: [["stderr", "oops\n"]] },
            slow: { result: { exitCode: 124, stdout: "", stderr: "", timedOut: true } },
            gone: { connectError: new ConnectError("gone: connection refused (port 22).") },
          },
          seen,
        ),
        now: () => 0,
      },
    );
    expect(outcomes).toEqual([
      { host: "ok", status: "ok", exitCode: 0, ms: 0 },
      { host: "bad", status: "failed", exitCode: 3, ms: 0 },
      { host: "slow", status: "failed", message: "timed out after 2s", ms: 0 },
      { host: "gone", status: "unreachable", message: "connection refused (port 22).", ms: 0 },
    ]);
    expect(output).toEqual(["ok stdout hello\n", "bad stderr oops\n"]);
    expect([...done].sort()).toEqual(["bad", "gone", "ok", "slow"]);
    expect(seen.runs.map((r) => r.options.timeoutMs)).toEqual([2000, 2000, 2000]);
  });

  test("a signal disconnects every host still running, once, and the run rejects as interrupted when that is done", async () => {
    const seen: Seen = { runs: [], disconnected: [] };
    const controller = new AbortController();
    const run = execOnHosts(
      { hosts: [hostOf("a"), hostOf("b")], command: "sleep 100", parallel: 2 },
      { connect: fakeConnect({ a: { result: "wait" }, b: { result: "wait" } }, seen), signal: controller.signal },
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen.runs.map((r) => r.host)).toEqual(["a", "b"]);
    controller.abort("SIGTERM");
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InterruptedError);
    expect((error as InterruptedError).exitCode).toBe(143);
    // Once each (on abort, not again at the host's end), and finished before the run settles.
    expect([...seen.disconnected].sort()).toEqual(["a", "a done", "b", "b done"]);
  });
});
