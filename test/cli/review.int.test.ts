// What a person at the CLI sees (issue 14, "CLI"): colour only on a terminal and as NO_COLOR,
// FORCE_COLOR and --no-color say, --version, "1 host", deploy code's console output under its
// host's prefix, a missing deploy file said once, and apply's prompt after the plan with its diffs.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { shellQuote } from "../../src/util/shell-quote.js";
import { cliPath, repoRoot, runCli } from "../helpers/run-cli.js";
import { tempProject } from "../helpers/temp-project.js";

// Whether text holds an SGR (colour) escape sequence; the progress line's \r\x1b[2K is not one.
const hasColour = (text: string) => text.split("\x1b[").some((part, i) => i > 0 && /^[0-9;]*m/.test(part));
const version = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string }).version;

// The demo deploy into a fresh directory: five changes, two of them with diffs.
function demoArgs(mode: "plan" | "apply"): string[] {
  const root = mkdtempSync(join(tmpdir(), "infra-action-review-"));
  return [mode, "examples/demo/inventory.ts", "examples/demo/deploy.ts", "--data", `demo_root=${root}`];
}

// Runs the CLI on a pseudo-terminal (util-linux `script`); types `answer` once the apply prompt shows.
function onTerminal(
  args: readonly string[],
  options: { answer?: string; env?: Record<string, string | undefined> } = {},
): Promise<{ exitCode: number | null; output: string }> {
  const line = [process.execPath, cliPath, ...args].map(shellQuote).join(" ");
  const child = spawn("script", ["-qec", line, "/dev/null"], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, TERM: "xterm", ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
    timeout: 60_000,
  });
  let output = "";
  let answered = false;
  child.stdout.on("data", (chunk) => {
    output += chunk;
    if (options.answer !== undefined && !answered && output.includes("Apply these changes?")) {
      answered = true;
      child.stdin.write(`${options.answer}\r`);
    }
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (exitCode) => {
      child.stdin.destroy();
      resolve({ exitCode, output });
    });
  });
}

test.each([["--version"], ["-V"]])("%s prints the name and the version of package.json", async (flag) => {
  const result = await runCli([flag]);
  expect(result).toEqual({ exitCode: 0, stdout: `infra-action ${version}\n`, stderr: "" });
});

test("counts read as English: 1 host, 1 operation", async () => {
  const dir = tempProject({
    "inventory.json": JSON.stringify({ targets: ["@local"] }),
    "deploy.ts": `import { files } from "infra-action";\nfiles.directory({ name: "Make a directory", path: ${JSON.stringify(join(mkdtempSync(join(tmpdir(), "infra-action-review-")), "d"))} });\n`,
  });
  const result = await runCli(["plan", "inventory.json", "deploy.ts"], { cwd: dir });
  expect(result.exitCode).toBe(0);
  expect(result.stdout).toContain(
    "\n1 host: 1 to change, 0 unchanged, 0 failed, 0 unreachable; 1 operation to change.\n",
  );

  const web = tempProject({ "web.json": JSON.stringify({ web: ["web-01"] }) });
  const inventory = await runCli(["inventory", "web.json"], { cwd: web });
  expect(inventory.stdout.split("\n")[0]).toBe("Inventory web.json: 1 host, 1 group");
});

test.each<[string, string[], Record<string, string | undefined>, boolean]>([
  ["piped: no colour", [], { NO_COLOR: undefined, FORCE_COLOR: undefined }, false],
  ["piped with FORCE_COLOR=1: colour", [], { NO_COLOR: undefined, FORCE_COLOR: "1" }, true],
  ["piped with FORCE_COLOR=0: no colour", [], { NO_COLOR: undefined, FORCE_COLOR: "0" }, false],
  ["FORCE_COLOR=1 and --no-color: no colour", ["--no-color"], { NO_COLOR: undefined, FORCE_COLOR: "1" }, false],
  ["FORCE_COLOR=1 and NO_COLOR=1: no colour", [], { NO_COLOR: "1", FORCE_COLOR: "1" }, false],
])("plan %s", async (_, flags, env, coloured) => {
  const result = await runCli([...demoArgs("plan"), ...flags], { env });
  expect(result.exitCode).toBe(0);
  expect(result.stdout).toContain("+listen = 127.0.0.1:8080");
  expect(hasColour(result.stdout)).toBe(coloured);
  expect(hasColour(result.stderr)).toBe(false);
  if (coloured) {
    expect(result.stdout).toContain("\x1b[32m+listen = 127.0.0.1:8080\x1b[39m");
    expect(result.stdout).toContain("\x1b[36m@@ -0,0 +1,5 @@\x1b[39m");
    // Colour never upsets the alignment: the columns stand where they do without it.
    expect(result.stdout).toMatch(/^HOST {4}STATUS {3}CHANGED/m);
    expect(result.stdout).toContain("@local  \x1b[33mchanged\x1b[39m  5        0          0");
  }
});

test.each<[string, string[], Record<string, string | undefined>, boolean]>([
  ["colours diffs and statuses", [], {}, true],
  ["takes an empty NO_COLOR as unset", [], { NO_COLOR: "" }, true],
  ["is plain with NO_COLOR set", [], { NO_COLOR: "1" }, false],
  ["is plain with --no-color", ["--no-color"], {}, false],
])("on a terminal, plan %s", async (_, flags, env, coloured) => {
  const result = await onTerminal([...demoArgs("plan"), ...flags], { env });
  expect(result.exitCode).toBe(0);
  expect(hasColour(result.output)).toBe(coloured);
  if (coloured) expect(result.output).toContain("\x1b[32m+listen = 127.0.0.1:8080\x1b[39m");
});

const chattyDeploy = `import { files, host } from "infra-action";
console.log("hello from", host.name);
console.log("two\\nlines");
console.error("careful:", { port: 22 });
files.directory({ name: "Make a directory", path: host.data.dir + "/d" });
`;

test("console output from deploy code: each line under its host's prefix, log to stdout, error to stderr", async () => {
  const dir = tempProject({ "inventory.json": JSON.stringify({ targets: ["@local"] }), "deploy.ts": chattyDeploy });
  const result = await runCli(["plan", "inventory.json", "deploy.ts", "--data", `dir=${dir}`], { cwd: dir });
  expect(result.exitCode).toBe(0);
  expect(result.stdout.split("\n").slice(0, 3)).toEqual([
    "[@local] hello from @local",
    "[@local] two",
    "[@local] lines",
  ]);
  expect(result.stderr.split("\n")).toContain("[@local] careful: { port: 22 }");
});

test("on a terminal, deploy code's console output is never glued to the progress line", async () => {
  const dir = tempProject({ "inventory.json": JSON.stringify({ targets: ["@local"] }), "deploy.ts": chattyDeploy });
  const result = await onTerminal([
    "plan",
    join(dir, "inventory.json"),
    join(dir, "deploy.ts"),
    "--data",
    `dir=${dir}`,
  ]);
  expect(result.exitCode).toBe(0);
  for (const line of ["[@local] hello from @local", "[@local] two", "[@local] lines", "[@local] careful: { port: 22 }"])
    expect(result.output).toMatch(new RegExp(`(^|\\n|\\x1b\\[2K)${line.replace(/[[\]{}]/g, "\\$&")}\\r?\\n`));
  expect(result.output).not.toMatch(/planning\[@local\]/);
});

test("a missing deploy file is reported once, before any host is contacted", async () => {
  // Two SSH hosts on a closed loopback port: contacting them would report them unreachable.
  const closed = { ssh_hostname: "127.0.0.1", ssh_port: 9, ssh_connect_retries: 0 };
  const dir = tempProject({
    "inventory.json": JSON.stringify({ targets: [["web-01", closed], ["web-02", closed], "@local"] }),
  });
  const result = await runCli(["plan", "inventory.json", "nope.ts"], { cwd: dir });
  expect(result.exitCode).toBe(1);
  expect(result.stderr).toBe(
    `error: deploy file nope.ts does not exist. Check the path (it is relative to ${dir}); no host was contacted.\n`,
  );
  expect(result.stdout).toBe("");
});

test("apply on a terminal shows the plan with its diffs before asking, and not again after no", async () => {
  const args = demoArgs("apply");
  const root = (args[4] ?? "").replace("demo_root=", "");
  const result = await onTerminal(args, { answer: "no", env: { NO_COLOR: "1" } });
  expect(result.exitCode).toBe(1);
  const [before = "", after = ""] = result.output.split("Apply these changes?");
  expect(before).toContain("@@ -0,0 +1,5 @@");
  expect(before).toContain("+listen = 127.0.0.1:8080");
  expect(before).toContain("1 host: 1 to change");
  expect(after).toContain("Apply cancelled; nothing was changed.");
  expect(after).not.toContain("would change");
  expect(after).not.toContain("Plan digest");
  expect(() => statSync(join(root, "app"))).toThrow();
});
