// files.put with content, files.block, files.copy and files.move on @local in a temp dir: the first apply
// changes the files as pyinfra would, and a second plan finds nothing to change.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { runCli } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "infra-action-files-edits-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const inventory = join(dir, "inventory.json");
writeFileSync(inventory, JSON.stringify({ targets: [["@local", { root: dir }]] }));
const deploy = join(dir, "deploy.ts");
writeFileSync(
  deploy,
  `import { files, host } from "infra-action";
const root = host.data.root as string;
files.put({ name: "text", content: "hello\\n", dest: \`\${root}/out/hello.txt\` });
files.put({ name: "bytes", content: Buffer.from([0, 1, 2, 255]), dest: \`\${root}/out/bytes.bin\`, mode: "600" });
files.block({ name: "block", path: \`\${root}/hosts\`, content: "10.0.0.1 mars-one\\n10.0.0.2 mars-two\\n", line: "localhost", after: true });
files.block({ name: "gone", path: \`\${root}/hosts\`, present: false, marker: "## {mark} OLD ##" });
files.copy({ name: "copy file", src: \`\${root}/app.conf\`, dest: \`\${root}/backup\` });
files.copy({ name: "copy dir", src: \`\${root}/site\`, dest: \`\${root}/backup\` });
files.move({ name: "move", src: \`\${root}/incoming/app.tar\`, dest: \`\${root}/releases\` });
`,
);

async function run(mode: "plan" | "apply", name: string) {
  const reportFile = join(dir, `${name}.json`);
  const result = await runCli(
    [mode, inventory, deploy, "--report", reportFile, ...(mode === "apply" ? ["--yes"] : [])],
    { timeoutMs: 60_000 },
  );
  const report = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, "utf8")) as Report) : undefined;
  return { result, operations: report?.hosts[0]?.operations ?? [] };
}

test("put content, block, copy and move apply once, then a second plan changes nothing", async () => {
  writeFileSync(join(dir, "hosts"), "127.0.0.1 localhost\n## BEGIN OLD ##\nold\n## END OLD ##\n::1 ip6\n");
  writeFileSync(join(dir, "app.conf"), "port = 80\n");
  mkdirSync(join(dir, "site/css"), { recursive: true });
  writeFileSync(join(dir, "site/index.html"), "<p>hi</p>\n");
  writeFileSync(join(dir, "site/css/a.css"), "p {}\n");
  mkdirSync(join(dir, "backup"));
  mkdirSync(join(dir, "incoming"));
  mkdirSync(join(dir, "releases"));
  writeFileSync(join(dir, "incoming/app.tar"), "tar\n");

  const first = await run("apply", "first");
  expect(first.result.exitCode, first.result.stdout + first.result.stderr).toBe(0);
  expect(first.operations.map((o) => o.status)).toEqual(Array(7).fill("changed"));
  expect(readFileSync(join(dir, "out/hello.txt"), "utf8")).toBe("hello\n");
  expect([...readFileSync(join(dir, "out/bytes.bin"))]).toEqual([0, 1, 2, 255]);
  expect(readFileSync(join(dir, "hosts"), "utf8")).toBe(
    "127.0.0.1 localhost\n# BEGIN INFRA-ACTION BLOCK\n10.0.0.1 mars-one\n10.0.0.2 mars-two\n# END INFRA-ACTION BLOCK\n::1 ip6\n",
  );
  expect(readFileSync(join(dir, "backup/app.conf"), "utf8")).toBe("port = 80\n");
  expect(readFileSync(join(dir, "backup/site/css/a.css"), "utf8")).toBe("p {}\n");
  expect(existsSync(join(dir, "incoming/app.tar"))).toBe(false);
  expect(readFileSync(join(dir, "releases/app.tar"), "utf8")).toBe("tar\n");

  const second = await run("plan", "second");
  expect(second.result.exitCode, second.result.stdout + second.result.stderr).toBe(0);
  expect(second.operations.map((o) => [o.status, o.reason])).toEqual([
    ["unchanged", `${dir}/out/hello.txt is up to date`],
    ["unchanged", `${dir}/out/bytes.bin is up to date`],
    ["unchanged", `the marked block in ${dir}/hosts already holds the content`],
    ["unchanged", `no marked block in ${dir}/hosts`],
    ["unchanged", `${dir}/backup/app.conf is already a copy of ${dir}/app.conf`],
    ["unchanged", `${dir}/backup/site is already a copy of ${dir}/site`],
    ["unchanged", `${dir}/incoming/app.tar is already moved to ${dir}/releases/app.tar`],
  ]);
});

test("a copy that differs is refused without overwrite, and left as it was", async () => {
  writeFileSync(join(dir, "backup/app.conf"), "mine\n");
  const { result } = await run("plan", "refused");
  expect(result.exitCode).toBe(1);
  expect(result.stdout + result.stderr).toContain(
    `${dir}/backup/app.conf already exists and differs from ${dir}/app.conf: set overwrite: true to replace it`,
  );
  expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  expect(readFileSync(join(dir, "backup/app.conf"), "utf8")).toBe("mine\n");
});
