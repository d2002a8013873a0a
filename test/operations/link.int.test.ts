// files.link with symbolic: false on @local: the first apply makes a hard link (the same inode as the
// target), a second plan finds nothing to change, and another file at the path is refused without force.
import { lstatSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { runCli } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "infra-action-link-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const inventory = join(dir, "inventory.json");
writeFileSync(inventory, JSON.stringify({ targets: [["@local", { root: dir }]] }));
const deploy = join(dir, "deploy.ts");
writeFileSync(
  deploy,
  `import { files, host } from "infra-action";
const root = host.data.root as string;
files.link({ name: "hard link", path: \`\${root}/links/current.conf\`, target: \`\${root}/release.conf\`, symbolic: false });
`,
);

async function run(mode: "plan" | "apply", name: string) {
  const reportFile = join(dir, `${name}.json`);
  const result = await runCli(
    [mode, inventory, deploy, "--report", reportFile, ...(mode === "apply" ? ["--yes"] : [])],
    {
      timeoutMs: 60_000,
    },
  );
  return { result, operation: (JSON.parse(readFileSync(reportFile, "utf8")) as Report).hosts[0]?.operations[0] };
}

test("symbolic: false makes a hard link once, then finds nothing to change", async () => {
  writeFileSync(join(dir, "release.conf"), "v1\n");
  const first = await run("apply", "first");
  expect(first.result.exitCode, first.result.stdout + first.result.stderr).toBe(0);
  expect(first.operation?.status).toBe("changed");
  const link = lstatSync(join(dir, "links/current.conf"));
  expect(link.isFile()).toBe(true);
  expect(link.ino).toBe(statSync(join(dir, "release.conf")).ino);
  expect(link.nlink).toBe(2);

  const second = await run("plan", "second");
  expect(second.result.exitCode).toBe(0);
  expect(second.operation).toMatchObject({
    status: "unchanged",
    reason: `${dir}/links/current.conf is already a hard link to ${dir}/release.conf`,
  });
});

test("another file at the path is refused without force, and left as it was", async () => {
  rmSync(join(dir, "links/current.conf"), { force: true });
  writeFileSync(join(dir, "links/current.conf"), "mine\n");
  const { result } = await run("plan", "refused");
  expect(result.exitCode).toBe(1);
  expect(result.stdout + result.stderr).toContain(
    `path ${dir}/links/current.conf exists and is another file, not a hard link to ${dir}/release.conf; set force: true to replace it`,
  );
  expect(readFileSync(join(dir, "links/current.conf"), "utf8")).toBe("mine\n");
});
