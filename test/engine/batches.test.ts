// Rolling batches in milliseconds: batch sizes, and runDeploy with fake connectors (the real-sshd
// suite, batches.int.test.ts, is the contract): an interruption in batch 1 starts no later batch.
import { describe, expect, test } from "vitest";
import { parseBatchSize, splitIntoBatches } from "../../src/engine/batches.js";
import { runDeploy } from "../../src/engine/run-deploy.js";
import { InterruptedError } from "../../src/errors.js";
import { apiForInstance } from "../../src/host/instances.js";
import * as publicApi from "../../src/index.js";
import type { Report } from "../../src/report/report.js";
import { createFakeConnector, type FakeHost } from "../helpers/fake-connector.js";

describe("batch sizes", () => {
  test.each([
    ["2", { hosts: 2 }],
    ["25%", { percent: 25 }],
    ["12.5%", { percent: 12.5 }],
    ["100%", { percent: 100 }],
  ])("%s is a batch size", (text, size) => expect(parseBatchSize(text)).toEqual(size));

  test.each(["0", "-1", "0%", "150%", "abc", "1.5", "", "%", "2 hosts"])("%s is not", (text) =>
    expect(parseBatchSize(text)).toBeUndefined(),
  );

  test.each([
    [3, { percent: 34 }, [2, 1]],
    [3, { percent: 33 }, [1, 1, 1]],
    [25, { percent: 10 }, [3, 3, 3, 3, 3, 3, 3, 3, 1]],
    [10, { percent: 30 }, [3, 3, 3, 1]],
    [5, { hosts: 2 }, [2, 2, 1]],
    [1, { percent: 1 }, [1]],
  ])("%i hosts in batches of %o: %o", (count, size, lengths) => {
    const hosts = Array.from({ length: count }, (_, i) => i);
    const batches = splitIntoBatches(hosts, size);
    expect(batches.map((b) => b.length)).toEqual(lengths);
    expect(batches.flat()).toEqual(hosts);
  });
});

describe("runDeploy with batch", () => {
  test("interrupted in batch 1: batch 2 never starts, and its hosts say nothing was applied", async () => {
    const controller = new AbortController();
    const log: string[] = [];
    let partial: Report | undefined;
    const hosts: Record<string, FakeHost> = { a: { commands: [["slow", { hang: true }]] }, b: {}, c: {} };
    const running = runDeploy(
      {
        inventory: {
          file: "/inventory.json",
          hosts: Object.keys(hosts).map((name) => ({ name, connector: "ssh", groups: [], data: {} })),
          groups: {},
          warnings: [],
        },
        deployFiles: ["/deploy.ts"],
        mode: "apply",
        parallel: 10,
        batch: { hosts: 1 },
        onInterrupt: async (report) => {
          partial = report;
        },
      },
      {
        connect: (host) => createFakeConnector(host.name, hosts[host.name], log),
        loadDeploy: async (_file, instance) => {
          const { server, host } = apiForInstance({ ...publicApi }, instance) as unknown as typeof publicApi;
          server.shell({ name: "work", commands: [host.name === "a" ? "slow" : "fast"] });
        },
        signal: controller.signal,
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort("SIGTERM");
    expect(await running.catch((e: unknown) => e)).toBeInstanceOf(InterruptedError);
    expect(log.filter((line) => / apply /.test(line)).map((line) => line.split(" ")[0])).toEqual(["a"]);
    expect(partial?.hosts.map((h) => [h.name, h.status, h.error])).toEqual([
      ["a", "failed", 'interrupted by SIGTERM during apply. Applied: nothing. Not applied: "work".'],
      ["b", "failed", "interrupted by SIGTERM before applying; nothing was applied on this host."],
      ["c", "failed", "interrupted by SIGTERM before applying; nothing was applied on this host."],
    ]);
  });
});
