// A connector's errors carry what they are about, as execa's do: the host, and for a failed command
// its exit code and standard error (here on @local, a real shell).
import { describe, expect, test } from "vitest";
import { LocalConnector } from "../../src/connectors/local.js";
import { CommandError } from "../../src/errors.js";

describe("error fields", () => {
  test("a write into a missing directory: host, exit code and stderr on the error", async () => {
    const connector = new LocalConnector("@local");
    await connector.connect();
    const error = await connector.putFile("/nonexistent-dir-ia/file", "x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    expect(error).toMatchObject({ host: "@local", exitCode: expect.any(Number) });
    expect((error as CommandError).exitCode).not.toBe(0);
    expect((error as CommandError).stderr).toMatch(/No such file or directory/);
    expect((error as CommandError).message).toMatch(/^@local: could not write \/nonexistent-dir-ia\/file: /);
    await connector.disconnect();
  });
});
