// python.call and python.raise_exception on a fresh container through the real CLI: the function
// runs on this machine between the operations before and after it (the host's apply is split
// there), sees the earlier operation's result, is only announced by a plan, and a thrown error fails
// the operation (and the host, unless _ignore_errors) with its message in the report.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { runCli } from "../helpers/run-cli.js";
import { loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();
const docker = (...args: string[]) => execFileSync("docker", args, { encoding: "utf8" }).trim();
const dir = mkdtempSync(join(tmpdir(), "infra-action-python-call-"));
const container = `infra-action-test-engine-${process.pid}`;
const inventory = join(dir, "inventory.json");
const onHost = (command: string) => docker("exec", container, "sh", "-c", command);

beforeAll(() => {
  docker("run", "-d", "--init", "--network", "none", "--name", container, env.image, "sleep", "infinity");
  writeFileSync(inventory, JSON.stringify({ targets: [[`@docker/${container}`, {}]] }));
}, 60_000);
afterAll(() => {
  docker("rm", "-f", container);
  rmSync(dir, { recursive: true, force: true });
});

// A user's operation that runs its commands until the file `path` has content.
const prelude = `import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { change, defineFact, defineOperation, noop, python, shellQuote } from "infra-action";
const Content = defineFact<{ path: string }, string>({
  name: "TestContent",
  description: "a file's text, or nothing",
  arguments: { path: { type: "string", required: true, description: "the file" } },
  command: ({ path }) => \`cat -- \${shellQuote(path)} 2>/dev/null || true\`,
  parse: ({ stdout }) => stdout,
});
const once = defineOperation<{ path: string; commands: string[] }>({
  name: "test.once",
  description: "runs its commands until a file has content",
  validate: (args) => args as { path: string; commands: string[] },
  facts: (args) => [{ fact: Content, args: { path: args.path } }],
  plan: (args, facts) =>
    facts.get(Content, { path: args.path }) ? noop(\`\${args.path} has content\`) : change(args.commands),
});
`;

async function run(mode: "plan" | "apply", deploy: string, name: string) {
  const reportFile = join(dir, `${name}.json`);
  const result = await runCli(
    [mode, inventory, deploy, "--report", reportFile, ...(mode === "apply" ? ["--yes"] : [])],
    { timeoutMs: 120_000 },
  );
  return { ...result, report: JSON.parse(readFileSync(reportFile, "utf8")) as Report };
}

const statuses = (report: Report) =>
  Object.fromEntries((report.hosts[0]?.operations ?? []).map((o) => [o.name, o.status]));

describe("python.call", () => {
  const deploy = join(dir, "call.ts");
  const record = join(dir, "called.json");
  beforeAll(() => {
    writeFileSync(
      deploy,
      `${prelude}
const first = once({ name: "first", path: "/srv/first", commands: ["echo first-output", "echo done > /srv/first"] });
python.call({
  name: "call",
  function: function recordState(note: string, options: { attempt: number }) {
    // What the host looks like now: the first operation has run, the last one not yet.
    const between = execFileSync("docker", ["exec", ${JSON.stringify(container)}, "sh", "-c", "test -e /srv/first && ! test -e /srv/after && echo between || echo not-between"], { encoding: "utf8" }).trim();
    writeFileSync(${JSON.stringify(record)}, JSON.stringify({ changed: first.changed, stdout: first.stdout, between, note, options }));
  },
  args: ["a note"],
  kwargs: { attempt: 1 },
  _if: first,
});
once({ name: "after", path: "/srv/after", commands: ["echo done > /srv/after"] });
`,
    );
  });

  test("a plan announces it without calling it; apply calls it between the two operations; then nothing to change", async () => {
    const plan = await run("plan", deploy, "call-plan");
    expect(plan.exitCode).toBe(0);
    expect(plan.stdout).toContain("will call recordState");
    expect(existsSync(record)).toBe(false);

    const first = await run("apply", deploy, "call-first");
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    expect(statuses(first.report)).toEqual({ first: "changed", call: "changed", after: "changed" });
    expect(JSON.parse(readFileSync(record, "utf8"))).toEqual({
      changed: true,
      stdout: "first-output\n",
      between: "between",
      note: "a note",
      options: { attempt: 1 },
    });
    expect(onHost("cat /srv/first /srv/after")).toBe("done\ndone");

    // The first operation has nothing to do now, so the call (_if: first) does not run either.
    rmSync(record);
    const second = await run("plan", deploy, "call-second");
    expect(second.report.hosts[0]?.status).toBe("unchanged");
    expect(statuses(second.report)).toEqual({ first: "unchanged", call: "skipped", after: "unchanged" });
    const again = await run("apply", deploy, "call-again");
    expect(again.exitCode).toBe(0);
    expect(existsSync(record)).toBe(false);
  }, 240_000);
});

describe("a thrown error and python.raise_exception", () => {
  const deploy = join(dir, "raise.ts");
  beforeAll(() => {
    writeFileSync(
      deploy,
      `${prelude}
once({ name: "before", path: "/srv/before", commands: ["echo done > /srv/before"] });
python.call({ name: "boom", function: async () => { throw new RangeError("boom at 3 a.m."); }, _ignore_errors: true });
once({ name: "carried-on", path: "/srv/carried-on", commands: ["echo done > /srv/carried-on"] });
python.raise_exception({ name: "stop", exception: TypeError, message: "the database is not migrated" });
once({ name: "never", path: "/srv/never", commands: ["echo done > /srv/never"] });
`,
    );
  });

  test("the error's message is in the report; _ignore_errors carries on, the raise stops the host", async () => {
    const plan = await run("plan", deploy, "raise-plan");
    expect(plan.stdout).toContain("will raise TypeError: the database is not migrated");

    const result = await run("apply", deploy, "raise-apply");
    expect(result.exitCode).not.toBe(0);
    const ops = result.report.hosts[0]?.operations ?? [];
    expect(ops.map((o) => [o.name, o.status])).toEqual([
      ["before", "changed"],
      ["boom", "failed"],
      ["carried-on", "changed"],
      ["stop", "failed"],
      ["never", "skipped"],
    ]);
    expect(ops[1]?.stderr).toBe("RangeError: boom at 3 a.m.");
    expect(ops[3]?.stderr).toBe("TypeError: the database is not migrated");
    expect(result.report.hosts[0]?.error).toContain('operation "stop" failed: TypeError: the database is not migrated');
    expect(onHost("ls /srv/before /srv/carried-on; test -e /srv/never && echo ran || echo not run")).toBe(
      "/srv/before\n/srv/carried-on\nnot run",
    );
  }, 240_000);
});
