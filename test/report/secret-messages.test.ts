// Passwords in host data (_sudo_password, ssh_password, ssh_key_password) never appear in a message:
// type errors and the "listed twice" warning name the key and where it is, never the value.
import { describe, expect, test } from "vitest";
import { readDataKeys } from "../../src/connectors/data-keys.js";
import { splitArgs } from "../../src/engine/global-args.js";
import { publicApiProvider } from "../../src/engine/public-api.js";
import { loadInventory } from "../../src/inventory/load-inventory.js";
import { parseOverrides } from "../../src/inventory/overrides.js";
import { tempProject } from "../helpers/temp-project.js";

const password = "hunter2-Pa55";
const never = (message: string) => {
  expect(message).not.toContain(password);
  expect(message).not.toContain("987654");
};

// The message of what `run` throws.
function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected an error");
}

const sshKeys = [
  { key: "ssh_password", type: "string", description: "login password" },
  { key: "ssh_port", type: "port", description: "port" },
] as const;

describe("type errors quote the key, not the value", () => {
  test.each([
    [
      "a number as ssh_password (connector data keys)",
      () => readDataKeys("web-01", { ssh_password: 987654 }, sshKeys),
      "web-01: data key ssh_password must be a string (login password); it is a number (not shown). Fix it in the inventory or --data.",
    ],
    [
      "a wrong port is still shown (not a password)",
      () => readDataKeys("web-01", { ssh_port: "http" }, sshKeys),
      'web-01: data key ssh_port must be a port number (1-65535) (port); it is "http" (a string). Fix it in the inventory or --data.',
    ],
    [
      "a number as _sudo_password (global argument from host data)",
      () => splitArgs({}, { _sudo_password: 987654 }, (v): v is never => false),
      "global argument _sudo_password must be a string; it is a number (not shown).",
    ],
    [
      "_env with a non-string value shows which key, not the other values",
      () => splitArgs({ _env: { DB_PASSWORD: password, PORT: 5432 } }, {}, (v): v is never => false),
      "global argument _env must be an object of strings; its key PORT is a number (values are not shown).",
    ],
    [
      "a --data item that is not KEY=VALUE shows its key only",
      () => parseOverrides([`ssh password=${password}`]),
      '--data "ssh password=…" is not KEY=VALUE (the value is not shown). Write e.g. --data app_port=8080 (keys are letters, digits and _; values true/false, numbers and JSON are typed, the rest are strings).',
    ],
  ])("%s", (_case, run, expected) => {
    const message = failure(run);
    expect(message).toBe(expected);
    never(message);
  });
});

describe("inventory messages", () => {
  test("a host listed twice with different passwords: the warning names key and exports, not values", async () => {
    const dir = tempProject({
      "inventory.json": JSON.stringify({
        web: [["web-01", { _sudo_password: password, ssh_password: "987654", port: 80 }]],
        app: [["web-01", { _sudo_password: "other-Pa55", ssh_password: 987654, port: 81 }]],
      }),
    });
    const inventory = await loadInventory(`${dir}/inventory.json`, { api: publicApiProvider });
    const warnings = inventory.warnings.join("\n");
    expect(warnings).toContain(
      'host "web-01" is listed twice with different "_sudo_password" (exports "web" and "app"; the values are not shown); using the one from export "app".',
    );
    expect(warnings).toContain(
      'host "web-01" is listed twice with different "port": 80 (export "web") and 81 (export "app"); using 81.',
    );
    never(warnings);
    expect(warnings).not.toContain("other-Pa55");
  });

  test("a host spec that is not a [name, data] pair does not quote the passwords in its data", async () => {
    const dir = tempProject({
      "inventory.json": JSON.stringify({ web: [["web-01", { ssh_password: password, port: 80 }, "extra"]] }),
    });
    const message = await loadInventory(`${dir}/inventory.json`, { api: publicApiProvider }).then(
      () => "",
      (error: Error) => error.message,
    );
    expect(message).toContain(
      '["web-01",{"ssh_password":"***","port":80},"extra"] (an array) is not a [name, data] pair',
    );
    never(message);
  });
});
