// apt.key on @local with a .gpg dest: an ASCII-armored key served on 127.0.0.1 is downloaded and
// dearmored into a binary keyring, a second plan finds nothing to change, and present: false removes it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { runCli } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "infra-action-apt-key-"));
let server: Server;
let url = "";
let fingerprint = "";

beforeAll(async () => {
  const home = join(dir, "gnupg");
  execFileSync("mkdir", ["-m", "700", home]);
  const gpg = (...args: string[]) =>
    execFileSync("gpg", ["--batch", "--homedir", home, ...args], { encoding: "utf8", timeout: 30_000 });
  gpg("--passphrase", "", "--quick-generate-key", "Test Repo <repo@example.com>", "ed25519", "sign", "never");
  fingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(gpg("--with-colons", "--list-keys"))?.[1] ?? "";
  const armored = gpg("--armor", "--export", fingerprint);
  server = createServer((_, response) => response.end(armored));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/repo.asc`;
}, 60_000);
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

async function run(mode: "plan" | "apply", present: boolean, name: string) {
  const inventory = join(dir, "inventory.json");
  writeFileSync(inventory, JSON.stringify({ targets: [["@local", { root: dir }]] }));
  const deploy = join(dir, `${name}.ts`);
  writeFileSync(
    deploy,
    `import { apt, host } from "infra-action";
apt.key({ name: "key", src: ${JSON.stringify(url)}, dest: \`\${host.data.root}/keyrings/repo.gpg\`, present: ${present} });
`,
  );
  const reportFile = join(dir, `${name}.json`);
  const result = await runCli(
    [mode, inventory, deploy, "--report", reportFile, ...(mode === "apply" ? ["--yes"] : [])],
    { timeoutMs: 60_000 },
  );
  expect(result.exitCode, result.stdout + result.stderr).toBe(0);
  return (JSON.parse(readFileSync(reportFile, "utf8")) as Report).hosts[0]?.operations[0]?.status;
}

test("downloads and dearmors into a .gpg keyring once, then removes it", async () => {
  expect(fingerprint).toMatch(/^[0-9A-F]{40}$/);
  expect(await run("apply", true, "first")).toBe("changed");
  const keyring = join(dir, "keyrings/repo.gpg");
  expect(readFileSync(keyring).subarray(0, 10).toString("latin1")).not.toContain("-----BEGIN");
  const shown = execFileSync(
    "gpg",
    ["--batch", "--homedir", join(dir, "gnupg"), "--with-colons", "--show-keys", keyring],
    { encoding: "utf8" },
  );
  expect(shown).toContain(fingerprint);
  expect(await run("plan", true, "second")).toBe("unchanged");
  expect(await run("apply", false, "remove")).toBe("changed");
  expect(() => readFileSync(keyring)).toThrow();
  expect(await run("plan", false, "remove-again")).toBe("unchanged");
}, 180_000);
