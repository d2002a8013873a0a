// `apply --batch N|P%`: a value that is not a whole number of hosts or a percentage above 0 up to
// 100 is a usage error naming the flag and what it accepts, before any host is contacted.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "infra-action-batch-flag-"));
// A host no test ever reaches: the flag is refused before connecting.
const inventory = join(dir, "inventory.json");
writeFileSync(inventory, JSON.stringify({ web: [["web-1", { ssh_hostname: "127.0.0.1", ssh_port: 1 }]] }));
const deploy = join(dir, "deploy.ts");
writeFileSync(deploy, 'import { server } from "infra-action";\nserver.shell({ commands: ["true"] });\n');

describe("apply --batch", () => {
  test.each(["0", "-1", "0%", "150%", "abc", "1.5", "%", "10 %"])(
    "--batch %s is a usage error naming the flag",
    async (value) => {
      const result = await runCli(["apply", inventory, deploy, "--yes", `--batch=${value}`]);
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toBe(
        `error: --batch ${JSON.stringify(value)} must be a whole number of hosts (at least 1) or a percentage of the selected hosts above 0% up to 100%, e.g. --batch 2 or --batch 25%.\n`,
      );
    },
  );
});
