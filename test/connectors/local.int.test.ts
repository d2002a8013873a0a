// The local connector (`@local`) against this machine.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { LocalConnector } from "../../src/connectors/local.js";
import { runCli } from "../helpers/run-cli.js";
import { tempProject } from "../helpers/temp-project.js";
import { describeConnectorContract } from "./connector-contract.js";

const scratch = mkdtempSync(join(tmpdir(), "infra-action-local-"));
const connector = new LocalConnector("@local");

beforeAll(() => connector.connect());
afterAll(async () => {
  await connector.disconnect();
  rmSync(scratch, { recursive: true, force: true });
});

describe("local connector", () => {
  describeConnectorContract(() => connector, scratch);
});

describe("infra-action exec on @local", () => {
  test("prints the host's output and a summary; exit code 0", async () => {
    const dir = tempProject({ "inventory.ts": `export const targets = ["@local"];\n` });
    const result = await runCli(["exec", "inventory.ts", "--", "echo", "hello from local"], { cwd: dir });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(
      /^\[@local\] hello from local\n\nHOST {4}STATUS {2}EXIT {2}TIME\n@local {2}ok {6}0 {5}\d+\.\ds\n\n1 ok, 0 failed or unreachable\n$/,
    );
  });

  test("a failing command: exit code shown, exit code 1", async () => {
    const dir = tempProject({ "inventory.ts": `export const targets = ["@local"];\n` });
    const result = await runCli(["exec", "inventory.ts", "--", "exit 4"], { cwd: dir });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/@local {2}failed {2}4 /);
  });

  test("--timeout kills a hung command and names the timeout", async () => {
    const dir = tempProject({ "inventory.ts": `export const targets = ["@local"];\n` });
    const result = await runCli(["exec", "inventory.ts", "--timeout", "1", "--", "sleep 20"], { cwd: dir });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("@local: timed out after 1s");
  });
});
