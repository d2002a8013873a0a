// The bundled action resolves the inventory it is given and reports mistakes as one error annotation.
import { describe, expect, test } from "vitest";
import { runAction } from "../helpers/run-action.js";

describe("action: inventory", () => {
  test("logs the resolved hosts in a group, and warnings as annotations", async () => {
    const result = await runAction({ inventory: "examples/inventory/real-world.ts", limit: "db_servers" });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("::group::Load inventory");
    expect(result.stdout).toContain("Inventory examples/inventory/real-world.ts: 2 hosts");
    expect(result.stdout).toMatch(/db-01\.example\.com\s+ssh\s+db_servers, real-world/);
    expect(result.stdout).toContain('::warning::examples/inventory/real-world.ts: export "load_balancer_data"');
  });

  test("data overrides from the data input", async () => {
    const result = await runAction({
      inventory: "examples/inventory/precedence.ts",
      data: "app_port=9000\ndebug=true",
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.match(/app_port {2}9000/g)).toHaveLength(3);
  });

  test("a bad inventory fails the step with one clear error and no stack trace", async () => {
    const result = await runAction({ inventory: "test/fixtures/inventory/bad/host-number.ts" });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      '::error::test/fixtures/inventory/bad/host-number.ts: export "web_servers", index 1: 42 (a number) is not a host.',
    );
    expect(result.stdout).not.toMatch(/^\s+at /m);
  });

  test("a missing inventory input names the input", async () => {
    const result = await runAction({});
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      "::error::The `inventory` input is required: the path of your inventory file, e.g. `inventory: inventory/production.ts`. Add it under `with:` in your workflow.",
    );
  });
});
