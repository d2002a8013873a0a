// The engine's rules in milliseconds: runDeploy with a fake connector that replays recorded output
// (facts and the apply script's markers), deploy code written as functions. The real-sshd and
// Docker suites stay the contract with real hosts.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, test } from "vitest";
import { type RunDeployOptions, runDeploy } from "../../src/engine/run-deploy.js";
import { InterruptedError } from "../../src/errors.js";
import { apiForInstance } from "../../src/host/instances.js";
import * as publicApi from "../../src/index.js";
import type { Report } from "../../src/report/report.js";
import { createFakeConnector, type FakeHost } from "../helpers/fake-connector.js";

type Api = typeof publicApi;

// V8's collector, reached without starting Node with --expose-gc.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

interface Run {
  hosts: Record<string, FakeHost>;
  deploy(api: Api, host: string): void | Promise<void>;
  options?: Partial<RunDeployOptions>;
  signal?: AbortSignal;
  // Where the connectors' calls are logged (to read them when the run rejects).
  log?: string[];
  now?: () => number;
  // Sees each connector the run makes.
  connected?: (connector: object) => void;
}

// Runs the deploy on fake hosts; returns the report and the calls every host's connector saw.
async function run({
  hosts,
  deploy,
  options,
  signal,
  log = [],
  now,
  connected,
}: Run): Promise<{ report: Report; log: string[] }> {
  const names = Object.keys(hosts);
  const report = await runDeploy(
    {
      inventory: {
        file: "/inventory.json",
        hosts: names.map((name) => ({ name, connector: "ssh", groups: [], data: {} })),
        groups: {},
        warnings: [],
      },
      deployFiles: ["/deploy.ts"],
      mode: "apply",
      parallel: 10,
      ...options,
    },
    {
      connect: (host) => {
        const connector = createFakeConnector(host.name, hosts[host.name], log);
        connected?.(connector);
        return connector;
      },
      loadDeploy: async (_file, instance) => {
        const api = apiForInstance({ ...publicApi }, instance) as unknown as Api;
        await deploy(api, api.host.name);
      },
      ...(signal ? { signal } : {}),
      ...(now ? { now } : {}),
    },
  );
  return { report, log };
}

const statuses = (report: Report, host = report.hosts[0]?.name) =>
  report.hosts.find((h) => h.name === host)?.operations.map((o) => [o.name, o.status, o.reason ?? ""]);

describe("runDeploy", () => {
  test("a plan lists what would change and applies nothing", async () => {
    const { report, log } = await run({
      hosts: { web: {} },
      deploy: ({ server }) => void server.shell({ name: "hello", commands: ["echo hello"] }),
      options: { mode: "plan" },
    });
    expect(report.hosts[0]?.status).toBe("changed");
    expect(statuses(report)).toEqual([["hello", "changed", ""]]);
    expect(log).toEqual(["web connect", "web disconnect"]);
  });

  test("a plan lets a host go as soon as it is planned, not after the slowest host", async () => {
    const { report, log } = await run({
      hosts: { fast: {}, slow: {} },
      deploy: async ({ files }, host) => {
        // The slow host asks for its facts only after the fast one is planned.
        if (host === "slow") await new Promise((resolve) => setTimeout(resolve, 200));
        files.directory({ name: "dir", path: "/srv/app" });
      },
      options: { mode: "plan" },
    });
    expect(report.hosts.map((h) => h.status)).toEqual(["changed", "changed"]);
    expect(log.indexOf("slow facts")).toBeGreaterThan(-1);
    expect(log.indexOf("fast disconnect")).toBeGreaterThan(-1);
    expect(log.indexOf("fast disconnect")).toBeLessThan(log.indexOf("slow facts"));
    expect(log.filter((line) => line.endsWith("disconnect"))).toHaveLength(2);
  });

  test("a deploy file's kept `host` holds neither its facts nor its connection once the host is planned", async () => {
    // Node keeps every evaluated deploy file (one per host) until the process ends, with the `host`
    // it imported: what that `host` reaches stays in memory for the whole run of hundreds of hosts.
    let kept: Api["host"] | undefined;
    let connection: WeakRef<object> | undefined;
    const { report } = await run({
      hosts: { web: {} },
      deploy: async (api) => {
        kept = api.host;
        const hosts = await api.host.getFact("File", { path: "/etc/hosts" });
        if (!hosts) api.files.directory({ name: "dir", path: "/srv/app" });
      },
      options: { mode: "plan" },
      connected: (connector) => (connection = new WeakRef(connector)),
    });
    expect(report.hosts[0]?.status).toBe("changed");
    await expect(kept?.getFact("File", { path: "/etc/hosts" })).rejects.toThrow(
      /host\.getFact\("File", \{"path":"\/etc\/hosts"\}\) was called after infra-action had finished with this host \(a missing await\?\); nothing was read\.$/,
    );
    for (let round = 0; round < 5 && connection?.deref(); round++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      collectGarbage();
    }
    expect(kept?.name).toBe("web");
    expect(connection?.deref()).toBeUndefined();
  });

  test("python.call's function reads a fact with host.getFact while its host applies", async () => {
    let seen: unknown;
    const { report } = await run({
      hosts: { web: { facts: [["cat /etc/app.conf", { stdout: "port=80\n" }]] } },
      deploy: ({ python, host }) =>
        void python.call({
          name: "read the file",
          function: async () => {
            seen = await host.getFact("Command", { command: "cat /etc/app.conf" });
          },
        }),
    });
    expect(statuses(report)).toEqual([["read the file", "changed", ""]]);
    expect(seen).toBe("port=80");
  });

  test("_if: false, a function and an operation that will not change skip at plan time; one that did not change on apply skips then", async () => {
    const exists = "directory|root|root|755|4096|1700000000";
    const { report } = await run({
      hosts: { web: { facts: [["/srv/app", { stdout: exists }]], commands: [["broken", { exitCode: 3 }]] } },
      deploy: ({ server, files }) => {
        const dir = files.directory({ name: "dir", path: "/srv/app" });
        server.shell({ name: "after dir", commands: ["echo dir"], _if: [dir] });
        server.shell({ name: "off", commands: ["echo off"], _if: false });
        server.shell({ name: "asked", commands: ["echo asked"], _if: () => false });
        const broken = server.shell({ name: "broken", commands: ["broken"], _ignore_errors: true });
        server.shell({ name: "after broken", commands: ["echo after"], _if: [broken] });
        server.shell({ name: "last", commands: ["echo last"] });
      },
    });
    expect(statuses(report)).toEqual([
      ["dir", "unchanged", "directory /srv/app exists with the requested owner and mode"],
      ["after dir", "skipped", '_if: "dir" will not change'],
      ["off", "skipped", "_if is false"],
      ["asked", "skipped", "_if returned false"],
      ["broken", "failed", ""],
      ["after broken", "skipped", "not run: its _if operations did not change"],
      ["last", "changed", ""],
    ]);
    expect(report.hosts[0]?.status).toBe("changed");
  });

  test("_run_once: the operation runs on the first host that would run it, the others say where", async () => {
    const { report, log } = await run({
      hosts: { a: {}, b: {}, c: {} },
      deploy: ({ server }) => {
        server.shell({ name: "migrate", commands: ["migrate"], _run_once: true });
        server.shell({ name: "restart", commands: ["restart"] });
      },
    });
    expect(statuses(report, "a")).toEqual([
      ["migrate", "changed", ""],
      ["restart", "changed", ""],
    ]);
    for (const host of ["b", "c"]) {
      expect(statuses(report, host)).toEqual([
        ["migrate", "skipped", "_run_once: runs on a"],
        ["restart", "changed", ""],
      ]);
    }
    expect(log.filter((line) => line.includes(" apply ")).sort()).toEqual(["a apply 0,1", "b apply 1", "c apply 1"]);
  });

  test("_run_once: a host that failed to plan is never the one to run it", async () => {
    const { report, log } = await run({
      hosts: { a: { unreachable: "a: connection refused" }, b: {}, c: {} },
      deploy: ({ server }) => void server.shell({ name: "migrate", commands: ["migrate"], _run_once: true }),
    });
    expect(report.hosts.find((h) => h.name === "a")?.status).toBe("unreachable");
    expect(statuses(report, "b")).toEqual([["migrate", "changed", ""]]);
    expect(statuses(report, "c")).toEqual([["migrate", "skipped", "_run_once: runs on b"]]);
    expect(log.filter((line) => line.includes(" apply "))).toEqual(["b apply 0"]);
  });

  test("_serial: hosts with a serial operation apply one after another, the others in parallel", async () => {
    const deploy: Run["deploy"] = ({ server }, host) =>
      void server.shell({ name: "slow", commands: ["slow"], _serial: host !== "d" });
    const slow: FakeHost = { commands: [["slow", { delayMs: 20 }]] };
    const { log } = await run({ hosts: { a: slow, b: slow, c: slow, d: slow }, deploy });
    const applies = log.filter((line) => / appl(y|ied)/.test(line));
    expect(applies.filter((line) => !line.startsWith("d "))).toEqual([
      "a apply 0",
      "a applied",
      "b apply 0",
      "b applied",
      "c apply 0",
      "c applied",
    ]);
    // d does not wait for the serial hosts.
    expect(applies.indexOf("d apply 0")).toBeLessThan(applies.indexOf("a applied"));
  });

  test("--fail-percent: more hosts than that failing to plan applies nothing anywhere", async () => {
    const hosts = { a: { unreachable: "connection refused" }, b: {}, c: {} };
    const deploy: Run["deploy"] = ({ server }) => void server.shell({ name: "hello", commands: ["echo hello"] });
    const { report, log } = await run({ hosts, deploy, options: { failPercent: 20 } });
    expect(report.hosts.map((h) => [h.name, h.status, h.error])).toEqual([
      ["a", "unreachable", "connection refused"],
      ["b", "failed", "not applied: 33% of hosts failed to plan, more than --fail-percent 20."],
      ["c", "failed", "not applied: 33% of hosts failed to plan, more than --fail-percent 20."],
    ]);
    // The report is the plan: nothing was applied.
    expect(report.mode).toBe("plan");
    expect(statuses(report, "b")).toEqual([["hello", "changed", ""]]);
    expect(log.some((line) => line.includes(" apply "))).toBe(false);
    const under = await run({ hosts, deploy, options: { failPercent: 40 } });
    expect(under.report.hosts.map((h) => h.status)).toEqual(["unreachable", "changed", "changed"]);
  });

  test("reboot: the script ends at the reboot, the engine reconnects, then runs the rest", async () => {
    const { report, log } = await run({
      hosts: { web: {} },
      deploy: ({ server }) => {
        server.shell({ name: "kernel", commands: ["install kernel"] });
        server.reboot({ name: "reboot", delay: 0 });
        server.shell({ name: "after", commands: ["echo back"] });
      },
    });
    expect(statuses(report)).toEqual([
      ["kernel", "changed", ""],
      ["reboot", "changed", ""],
      ["after", "changed", ""],
    ]);
    expect(log).toEqual([
      "web connect",
      "web apply 0,1",
      "web applied",
      "web disconnect",
      "web connect",
      "web apply 2",
      "web applied",
      "web disconnect",
    ]);
  });

  test("after a reboot, python.call's function reads its facts over the new connection", async () => {
    let seen: unknown;
    const { report, log } = await run({
      hosts: { web: { facts: [["uname -r", { stdout: "6.1.0-new\n" }]] } },
      deploy: ({ python, server, host }) => {
        server.reboot({ name: "reboot", delay: 0 });
        python.call({
          name: "read the kernel",
          function: async () => {
            seen = await host.getFact("Command", { command: "uname -r" });
          },
        });
      },
    });
    expect(statuses(report)).toEqual([
      ["reboot", "changed", ""],
      ["read the kernel", "changed", ""],
    ]);
    expect(seen).toBe("6.1.0-new");
    expect(log.slice(-3)).toEqual(["web connect", "web facts", "web disconnect"]);
  });

  test("a failing operation stops its host only, with its exit code and stderr", async () => {
    const { report } = await run({
      hosts: { a: { commands: [["step 2", { exitCode: 7, stderr: "step 2 broke\n" }]] }, b: {} },
      deploy: ({ server }) => {
        for (const step of [1, 2, 3]) server.shell({ name: `step ${step}`, commands: [`step ${step}`] });
      },
    });
    const a = report.hosts.find((h) => h.name === "a");
    expect(a?.status).toBe("failed");
    expect(a?.error).toBe(
      'operation "step 2" failed with exit code 7: step 2 broke; 1 operation after it did not run.',
    );
    expect(a?.operations[1]).toMatchObject({ status: "failed", exitCode: 7, stderr: "step 2 broke" });
    expect(statuses(report, "a")?.[2]).toEqual(["step 3", "skipped", "not run: an earlier operation failed"]);
    expect(report.hosts.find((h) => h.name === "b")?.status).toBe("changed");
  });

  test("a lost connection fails the host, naming what was applied and what did not run", async () => {
    const { report } = await run({
      hosts: { web: { commands: [["second", { drop: true }]] } },
      deploy: ({ server }) => {
        for (const name of ["first", "second", "third"]) server.shell({ name, commands: [name] });
      },
    });
    expect(report.hosts[0]?.status).toBe("failed");
    expect(report.hosts[0]?.error).toBe(
      'the connection was lost. "second" did not finish. Applied before that: "first"; 1 planned operation did not run.',
    );
    expect(statuses(report)).toEqual([
      ["first", "changed", ""],
      ["second", "failed", ""],
      ["third", "skipped", "not run: the connection was lost."],
    ]);
    expect(report.hosts[0]?.operations[1]?.stderr).toBe("did not finish: the connection was lost.");
  });

  test("interrupted during apply: the partial report names what was and was not applied, every host is disconnected", async () => {
    const controller = new AbortController();
    const log: string[] = [];
    let partial: Report | undefined;
    // Disconnecting takes a while (a container being removed): the run must not end before it has.
    const hosts = { a: { commands: [["slow", { hang: true }]], disconnectMs: 30 }, b: {} } satisfies Record<
      string,
      FakeHost
    >;
    const running = run({
      hosts,
      deploy: ({ server }, host) => {
        server.shell({ name: "first", commands: ["first"] });
        if (host === "a") server.shell({ name: "slow", commands: ["slow"] });
        server.shell({ name: "last", commands: ["last"] });
      },
      options: {
        onInterrupt: async (report) => {
          partial = report;
        },
      },
      signal: controller.signal,
      log,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort("SIGTERM");
    const error = await running.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InterruptedError);
    expect(error).toMatchObject({ signal: "SIGTERM", exitCode: 143 });
    const a = partial?.hosts.find((h) => h.name === "a");
    expect(a?.status).toBe("failed");
    expect(a?.error).toBe('interrupted by SIGTERM during apply. Applied: "first". Not applied: "slow", "last".');
    expect(a?.operations.map((o) => [o.name, o.status, o.stderr ?? o.reason ?? ""])).toEqual([
      ["first", "changed", ""],
      ["slow", "failed", "interrupted by SIGTERM while running"],
      ["last", "skipped", `not run: ${a?.error}`],
    ]);
    expect(log).toContain("a disconnect");
    expect(log).toContain("b disconnect");
  });

  test("interrupted while the finish stage disconnects (a container being committed): the run waits for that disconnect", async () => {
    const controller = new AbortController();
    const log: string[] = [];
    const running = run({
      hosts: { web: { disconnectMs: 200 } },
      deploy: ({ server }) => void server.shell({ name: "a", commands: ["a"] }),
      options: { onInterrupt: async () => undefined },
      signal: controller.signal,
      log,
    });
    for (let i = 0; i < 2000 && !log.includes("web applied"); i++) await new Promise((r) => setTimeout(r, 1));
    await new Promise((r) => setTimeout(r, 5));
    controller.abort("SIGTERM");
    const started = Date.now();
    const error = await running.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InterruptedError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(log.filter((line) => line === "web disconnect")).toEqual(["web disconnect"]);
  });

  test("interrupted while waiting for a reboot: nothing runs or connects after the clean-up", async () => {
    const controller = new AbortController();
    const log: string[] = [];
    const running = run({
      hosts: { web: {} },
      deploy: ({ server }) => {
        server.shell({ name: "kernel", commands: ["install kernel"] });
        server.reboot({ name: "reboot", delay: 1 });
        server.shell({ name: "after", commands: ["echo back"] });
      },
      options: { onInterrupt: async () => undefined },
      signal: controller.signal,
      log,
    });
    for (let i = 0; i < 2000 && !log.includes("web applied"); i++) await new Promise((r) => setTimeout(r, 1));
    await new Promise((r) => setTimeout(r, 100));
    controller.abort("SIGTERM");
    await running.catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 1500));
    expect(log.at(-1)).toBe("web disconnect");
    expect(log.filter((line) => line.startsWith("web apply"))).toEqual(["web apply 0,1"]);
  });

  test("interrupted while planning: nothing is applied, the host says so", async () => {
    const controller = new AbortController();
    const log: string[] = [];
    let partial: Report | undefined;
    const running = run({
      hosts: { web: {} },
      // Deploy code that never finishes (waiting on something that never comes).
      deploy: () => new Promise<void>(() => undefined),
      options: {
        onInterrupt: async (report) => {
          partial = report;
        },
      },
      signal: controller.signal,
      log,
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort("SIGINT");
    await expect(running).rejects.toMatchObject({ signal: "SIGINT", exitCode: 130 });
    expect(partial?.mode).toBe("plan");
    expect(partial?.hosts[0]?.error).toBe("interrupted by SIGINT before applying; nothing was applied on this host.");
    expect(log).toEqual(["web connect", "web disconnect"]);
  });

  test("the clock is a seam: the report's start and times come from it", async () => {
    let clock = Date.UTC(2030, 0, 2, 3, 4, 5);
    const { report } = await run({
      hosts: { web: { commands: [["slow", { delayMs: 5 }]] } },
      deploy: ({ server }) => void server.shell({ name: "slow", commands: ["slow"] }),
      // Each reading moves the clock one second on.
      now: () => (clock += 1000),
    });
    expect(report.startedAt).toBe("2030-01-02T03:04:06.000Z");
    expect(report.durationMs % 1000).toBe(0);
    expect((report.hosts[0]?.durationMs ?? 1) % 1000).toBe(0);
    expect(report.hosts[0]?.operations[0]?.durationMs).toBe(1000);
  });
});
