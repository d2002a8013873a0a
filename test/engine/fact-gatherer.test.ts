// The fact gatherer is the engine's only fact cache: one batch per tick, values looked up by fact,
// arguments and user once gathered, and errors that carry the host, exit code and stderr.
import { describe, expect, test } from "vitest";
import { FactGatherer } from "../../src/engine/fact-gatherer.js";
import { FactError } from "../../src/errors.js";
import { Directory, File } from "../../src/facts/files.js";
import { createFakeConnector } from "../helpers/fake-connector.js";

const dir = "directory|root|root|755|4096|1700000000";

describe("FactGatherer", () => {
  test("facts asked for together come back from one execution, and are looked up by fact, arguments and user", async () => {
    const log: string[] = [];
    const connector = createFakeConnector("web", { facts: [["/srv/app", { stdout: dir }]] }, log);
    await connector.connect();
    let executions = 0;
    const gatherer = new FactGatherer(
      "web",
      () => connector,
      () => executions++,
    );
    const [asUser, asRoot, missing] = await Promise.all([
      gatherer.get(Directory, { path: "/srv/app" }),
      gatherer.get(Directory, { path: "/srv/app" }, { sudo: true }),
      gatherer.get(File, { path: "/nowhere" }),
    ]);
    expect(executions).toBe(1);
    expect(log).toEqual(["web connect", "web facts"]);
    expect(asUser).toMatchObject({ user: "root", mode: 755 });
    expect(gatherer.lookup(Directory, { path: "/srv/app" })).toBe(asUser);
    expect(gatherer.lookup(Directory, { path: "/srv/app" }, { sudo: true })).toBe(asRoot);
    expect(gatherer.lookup(File, { path: "/nowhere" })).toBe(missing);
    // Asked again: the same answer, no new execution.
    await gatherer.get(Directory, { path: "/srv/app" });
    expect(executions).toBe(1);
  });

  test("looking up a fact that was never gathered is a bug, said so", () => {
    const gatherer = new FactGatherer(
      "web",
      () => createFakeConnector("web"),
      () => undefined,
    );
    expect(() => gatherer.lookup(Directory, { path: "/srv/app" })).toThrow(
      'internal: fact Directory({"path":"/srv/app"}) was read but not declared',
    );
  });

  test("a batch that gives no answer rejects with a FactError naming the host, with the exit code and stderr", async () => {
    const connector = {
      ...createFakeConnector("web"),
      run: async () => ({ exitCode: 127, stdout: "", stderr: "sh: 1: stat: not found\n" }),
    };
    const gatherer = new FactGatherer(
      "web",
      () => connector,
      () => undefined,
    );
    const error = await gatherer.get(Directory, { path: "/srv/app" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FactError);
    expect(error).toMatchObject({
      message: "web: fact Directory gave no answer: sh: 1: stat: not found",
      host: "web",
      exitCode: 127,
      stderr: "sh: 1: stat: not found\n",
    });
  });

  test("a host no longer connected (its run is over) gives every fact asked of it an error naming it", async () => {
    const gatherer = new FactGatherer(
      "web",
      () => undefined,
      () => undefined,
    );
    const [first, second] = await Promise.all([
      gatherer.get(Directory, { path: "/srv/app" }).catch((e: unknown) => e),
      gatherer.get(File, { path: "/etc/hosts" }).catch((e: unknown) => e),
    ]);
    expect(first).toMatchObject({ message: "web: not connected.", host: "web" });
    expect(second).toBe(first);
  });
});
