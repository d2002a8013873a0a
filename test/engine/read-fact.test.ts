// The engine's `fact` entry point through fake connectors: an abort disconnects every host once,
// waits for it, and rejects as interrupted; an unreachable host gets {error}.
import { expect, test } from "vitest";
import type { Connector } from "../../src/connectors/connector.js";
import { parseFactRequest, readFact } from "../../src/engine/read-fact.js";
import { ConnectError, InterruptedError } from "../../src/errors.js";
import type { InventoryHost } from "../../src/inventory/types.js";

const hostOf = (name: string): InventoryHost => ({ name, connector: "ssh", groups: [], data: {} });

// A connector whose commands run until it is disconnected (a plain object, no I/O).
function hangingConnect(log: string[], refuse: readonly string[] = []) {
  return (host: InventoryHost): Connector => {
    let release: () => void = () => undefined;
    return {
      host: host.name,
      connect: async () => {
        if (refuse.includes(host.name)) throw new ConnectError(`${host.name}: connection refused (port 22).`);
      },
      run: async () => {
        log.push(`run ${host.name}`);
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        throw new Error("channel closed");
      },
      wrapCommand: (command) => command,
      putFile: async () => undefined,
      getFile: async () => Buffer.from(""),
      disconnect: async () => {
        log.push(`disconnect ${host.name}`);
        release();
        await new Promise((resolve) => setTimeout(resolve, 5));
        log.push(`disconnected ${host.name}`);
        return {};
      },
    };
  };
}

test("an abort disconnects every host once, waits for it, and rejects as interrupted (not as a bug)", async () => {
  const log: string[] = [];
  const controller = new AbortController();
  const reading = readFact(
    [hostOf("a"), hostOf("b")],
    parseFactRequest("Command", ["command=sleep 60"]),
    2,
    {},
    { connect: hangingConnect(log), signal: controller.signal },
  );
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(log).toEqual(["run a", "run b"]);
  controller.abort("SIGINT");
  const error = await reading.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InterruptedError);
  expect((error as InterruptedError).exitCode).toBe(130);
  expect(log.slice(2).sort()).toEqual(["disconnect a", "disconnect b", "disconnected a", "disconnected b"]);
});

test("a host that cannot be reached gets {error} and fails the read", async () => {
  const log: string[] = [];
  const result = await readFact(
    [hostOf("gone")],
    parseFactRequest("Hostname", []),
    1,
    {},
    {
      connect: hangingConnect(log, ["gone"]),
    },
  );
  expect(result).toEqual({ values: [{ error: "gone: connection refused (port 22)." }], failed: true });
  expect(log).toEqual(["disconnect gone", "disconnected gone"]);
});
