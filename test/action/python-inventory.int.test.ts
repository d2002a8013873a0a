// The bundled action with a pyinfra `.py` inventory (and group_data/*.py): it plans like any other,
// secrets from the `secrets` input reach os.environ, and a broken file is one ::error:: line.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { runAction } from "../helpers/run-action.js";

// A workspace with inventory.py, group_data/all.py and deploy.ts (one shell operation naming data).
function workspaceWith(inventory: string): string {
  const workspace = mkdtempSync(join(tmpdir(), "infra-action-ws-py-"));
  writeFileSync(join(workspace, "inventory.py"), inventory);
  mkdirSync(join(workspace, "group_data"));
  writeFileSync(join(workspace, "group_data", "all.py"), 'greeting = "hello"\n');
  writeFileSync(
    join(workspace, "deploy.ts"),
    [
      'import { host, server } from "infra-action";',
      "server.shell({",
      '  name: "Say " + host.data.get("greeting") + " to " + host.data.get("team") + " (" + host.data.get("token_length") + ")",',
      '  commands: ["true"],',
      "});",
    ].join("\n"),
  );
  return workspace;
}

describe("the action with a pyinfra inventory", () => {
  test("inventory: inventory.py plans on @local with its data and group data", async () => {
    const workspace = workspaceWith(
      [
        "import os",
        "",
        'local = ["@local"]',
        'local_data = {"team": "ops", "token_length": len(os.environ["DEPLOY_TOKEN"])}',
        'print("inventory loaded")',
      ].join("\n"),
    );
    const result = await runAction(
      { inventory: "inventory.py", deploy: "deploy.ts", secrets: "DEPLOY_TOKEN=tok-0123456789" },
      { event: "push", workspace },
    );
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.outputs["changed-hosts"]).toBe("@local");
    const report = JSON.parse(readFileSync(result.outputs.report ?? "", "utf8")) as Report;
    expect(report.hosts.map((host) => [host.name, host.groups])).toEqual([
      ["@local", ["@local", "inventory", "local"]],
    ]);
    expect(report.hosts[0]?.operations.map((op) => op.name)).toEqual(["Say hello to ops (14)"]);
    expect(result.summary).toContain("infra-action plan for inventory.py");
    expect(result.stderr).toContain("inventory loaded");
  });

  test("a syntax error in inventory.py: one ::error:: naming file:line:column, no traceback", async () => {
    const workspace = workspaceWith('local = ["@local"]\nx = = 1\n');
    const result = await runAction({ inventory: "inventory.py", deploy: "deploy.ts" }, { event: "push", workspace });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      "::error::inventory.py:2:5: syntax error: invalid syntax. Fix the syntax at that position and run again.",
    );
    expect(result.stdout + result.stderr).not.toMatch(/Traceback|^\s+at /m);
  });
});
