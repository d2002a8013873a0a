// The behaviour every connector shares, as a table of cases run against a connected connector.
import { randomBytes } from "node:crypto";
import { expect, test } from "vitest";
import type { Connector } from "../../src/connectors/connector.js";

// Registers the shared tests; `connector()` gives the connected connector under test.
export function describeConnectorContract(connector: () => Connector, scratch: string): void {
  test.each([
    ["stdout and exit code 0", "echo hello", { exitCode: 0, stdout: "hello\n", stderr: "" }],
    [
      "a non-zero exit code is a result, not an error",
      "echo oops >&2; exit 3",
      { exitCode: 3, stdout: "", stderr: "oops\n" },
    ],
    [
      "quoting survives the shell",
      `printf '%s|' "a b" 'c$d' "e'f"`,
      { exitCode: 0, stdout: "a b|c$d|e'f|", stderr: "" },
    ],
  ])("run: %s", async (_, command, expected) => {
    expect(await connector().run(command)).toEqual(expected);
  });

  test("run: environment and working directory, with hostile values quoted", async () => {
    const result = await connector().run('printf "%s|%s" "$GREETING" "$(pwd)"', {
      env: { GREETING: "it's $(touch /tmp/pwned) `x`" },
      cwd: "/tmp",
    });
    expect(result).toEqual({ exitCode: 0, stdout: "it's $(touch /tmp/pwned) `x`|/tmp", stderr: "" });
  });

  test("run: standard input reaches the command", async () => {
    expect((await connector().run("wc -c", { stdin: Buffer.alloc(12345, 7) })).stdout.trim()).toBe("12345");
  });

  test("run: large output (8 MB) arrives whole", async () => {
    const result = await connector().run("head -c 8388608 /dev/zero | tr '\\0' 'x'");
    expect(result.stdout.length).toBe(8 * 1024 * 1024);
  });

  test("run: output streams while the command runs", async () => {
    const chunks: string[] = [];
    await connector().run("echo one; sleep 0.3; echo two >&2", {
      onOutput: (stream, chunk) => chunks.push(`${stream}:${chunk.toString().trim()}`),
    });
    expect(chunks).toEqual(["stdout:one", "stderr:two"]);
  });

  test("run: a command past its timeout is killed and says so", async () => {
    const started = Date.now();
    const result = await connector().run("sleep 30; echo never", { timeoutMs: 1000 });
    expect(result.timedOut).toBe(true);
    expect(result.stdout).toBe("");
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  test.each([
    { label: "binary, 10 MB", size: 10 * 1024 * 1024, mode: "600" },
    { label: "text", size: 0, mode: "644", text: "line one\nline two\n" },
    { label: "empty", size: 0, mode: "640" },
  ])("files: put and get back $label with mode $mode", async ({ size, mode, text }) => {
    const content = text === undefined ? randomBytes(size) : Buffer.from(text);
    const path = `${scratch}/file-${mode}`;
    await connector().putFile(path, content, { mode });
    expect((await connector().getFile(path)).equals(content)).toBe(true);
    expect((await connector().run(`stat -c %a ${path}`)).stdout.trim()).toBe(mode);
  });

  test("files: rewriting a file keeps its mode unless one is given", async () => {
    const path = `${scratch}/kept-mode`;
    await connector().putFile(path, "one", { mode: "750" });
    await connector().putFile(path, "two");
    expect((await connector().run(`stat -c %a ${path}; cat ${path}`)).stdout).toBe("750\ntwo");
  });

  test("files: a path with spaces and quotes", async () => {
    const path = `${scratch}/it's a "file"`;
    await connector().putFile(path, "x");
    expect((await connector().getFile(path)).toString()).toBe("x");
  });

  test("files: reading a missing file is an error naming it", async () => {
    await expect(connector().getFile(`${scratch}/missing`)).rejects.toThrow(/could not read .*missing/);
  });
}
