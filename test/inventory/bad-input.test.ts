// Bad input gets one clear paragraph naming the file, export, index and value and what is expected;
// exit code 1; never a stack trace.
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const bad = "test/fixtures/inventory/bad";

// Signs of a stack trace or of Node's own crash output.
const stackTrace = /^\s+at |node:internal|Node\.js v\d/m;

describe("inventory errors", () => {
  test.each([
    [
      "a TypeScript syntax error, at line:column",
      `${bad}/syntax-error.ts`,
      [],
      `error: ${bad}/syntax-error.ts:3:3: syntax error: Unexpected token. Fix the syntax at that position and run again.`,
    ],
    [
      "a JavaScript syntax error, at line:column",
      `${bad}/syntax-error.mjs`,
      [],
      `error: ${bad}/syntax-error.mjs:3:3: syntax error: Unexpected token.`,
    ],
    [
      "a JSON syntax error, at line:column",
      `${bad}/syntax-error.json`,
      [],
      `error: ${bad}/syntax-error.json:2:24: syntax error: value expected.`,
    ],
    [
      "a host spec that is a number",
      `${bad}/host-number.ts`,
      [],
      `error: ${bad}/host-number.ts: export "web_servers", index 1: 42 (a number) is not a host. A host is a name ("web-01.example.com") or a [name, data] pair`,
    ],
    [
      "a host spec that is an object",
      `${bad}/host-object.ts`,
      [],
      `error: ${bad}/host-object.ts: export "web_servers", index 1: {"ssh_user":"deploy"} (an object) is not a host.`,
    ],
    [
      "a host spec that is a nested array",
      `${bad}/host-nested.ts`,
      [],
      `error: ${bad}/host-nested.ts: export "web_servers", index 1: [["web-02.example.com",{"ssh_user":"deploy"}]] (an array) is a nested array, not a host.`,
    ],
    [
      "an unknown connector",
      `${bad}/unknown-connector.ts`,
      [],
      `error: ${bad}/unknown-connector.ts: export "targets", index 1: "@foo/x" names an unknown connector "@foo". Known forms: @local, @docker/IMAGE or @docker/CONTAINER`,
    ],
    ["an empty inventory", `${bad}/empty.ts`, [], `error: ${bad}/empty.ts defines no hosts. Export a group`],
    [
      "a missing file",
      `${bad}/does-not-exist.ts`,
      [],
      `error: inventory ${bad}/does-not-exist.ts does not exist. Check the path`,
    ],
    [
      "an unsupported extension",
      `${bad}/inventory.yaml`,
      [],
      `error: inventory ${bad}/inventory.yaml has an unsupported extension; infra-action reads \`.ts\`, \`.mts\`, \`.js\`, \`.mjs\`, \`.json\` files.`,
    ],
    [
      "a --limit that matches nothing",
      "examples/inventory/groups.ts",
      ["--limit", "web_server"],
      'error: --limit web_server matches no host in examples/inventory/groups.ts. Did you mean web_servers? Give a group (db_servers, groups, load_balancers, web_servers) or a host name or glob such as "web-*".',
    ],
    [
      "a malformed --data",
      "examples/inventory/groups.ts",
      ["--data", "app_port"],
      'error: --data "app_port" is not KEY=VALUE. Write e.g. --data app_port=8080',
    ],
    [
      "targets holding something that is not a host spec",
      `${bad}/targets-not-host.ts`,
      [],
      `error: ${bad}/targets-not-host.ts: export "targets", index 1: 3000 (a number) is not a host.`,
    ],
    [
      "an inventory that throws while loading",
      `${bad}/throws.ts`,
      [],
      `error: inventory ${bad}/throws.ts failed while loading: TypeError: Cannot read properties of null (reading 'boom') (at ${bad}/throws.ts:1:`,
    ],
    [
      "a local import that matches no file",
      `${bad}/missing-import.ts`,
      [],
      `error: ${bad}/missing-import.ts imports "./missing-helper", but no file matches it`,
    ],
    [
      "a package that is not installed",
      `${bad}/missing-package.ts`,
      [],
      `error: ${bad}/missing-package.ts imports "left-pad-nonexistent", but the package is not installed: run \`npm install left-pad-nonexistent\``,
    ],
    [
      "circular host data in --json",
      `${bad}/circular-data.ts`,
      ["--json"],
      `error: ${bad}/circular-data.ts: host web-01: cannot print the data as JSON: settings.self refers back to settings (a circular reference). Remove the cycle from the data.`,
    ],
    [
      "a BigInt in host data in --json",
      `${bad}/bigint-data.ts`,
      ["--json"],
      `error: ${bad}/bigint-data.ts: host web-01: cannot print the data as JSON: max_size is a BigInt (100000000000000000000n). Give it as a number or a string.`,
    ],
    [
      "host data nested 20,000 levels deep in --json",
      `${bad}/deep-data.ts`,
      ["--json"],
      `error: ${bad}/deep-data.ts: host web-01: cannot print the data as JSON: deep.next.next.next… is nested more than 100 levels deep. Flatten the data.`,
    ],
    [
      "a getter in global data that throws, in --json",
      `${bad}/global-getter-throws.ts`,
      ["--json"],
      `error: ${bad}/global-getter-throws.ts: host web-01: cannot print the data as JSON: reading settings.token threw Error: TOKEN is not set. Make it a plain value, or catch the error in its getter.`,
    ],
    [
      "a host-data getter that throws while the inventory is read",
      `${bad}/getter-throws.ts`,
      [],
      `error: ${bad}/getter-throws.ts: reading web_servers[0][1].db_password threw Error: vault is sealed. Make it a plain value, or catch the error in its getter.`,
    ],
    [
      "a --limit glob with a [ never closed",
      "examples/inventory/groups.ts",
      ["--limit", "web-[1"],
      'error: --limit web-[1 is not a valid glob: the "[" at character 5 is never closed. Close the set, e.g. "web-[12]", or write "[[]" for a literal "[".',
    ],
    [
      "a --limit glob with a range out of order",
      "examples/inventory/groups.ts",
      ["--limit", "web-[9-1]"],
      'error: --limit web-[9-1] is not a valid glob: range out of order in character class. Close the set, e.g. "web-[12]", or write "[[]" for a literal "[".',
    ],
  ])("%s", async (_, file, args, message) => {
    const result = await runCli(["inventory", file, ...args]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.startsWith(message)).toBe(true);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toMatch(stackTrace);
  });

  test("a group_data/ file for a group that does not exist is a warning naming the closest group", async () => {
    const result = await runCli(["inventory", `${bad}/unknown-group-data/inventory.ts`, "--json"]);
    expect(result.exitCode).toBe(0);
    const inventory = JSON.parse(result.stdout);
    expect(inventory.warnings).toEqual([
      `${bad}/unknown-group-data/group_data/web_server.ts is data for a group "web_server", which does not exist; it is not applied to any host. Did you mean group_data/web_servers?`,
    ]);
    expect(inventory.hosts[0].data).toEqual({});
  });

  test.each([
    ["circular-data", "  settings  (not shown: settings.self refers back to settings (a circular reference))"],
    ["bigint-data", "  max_size  100000000000000000000n"],
    ["deep-data", "  deep  (not shown: deep.next.next.next… is nested more than 100 levels deep)"],
    ["global-getter-throws", "  settings  (not shown: reading settings.token threw Error: TOKEN is not set)"],
  ])("the readable form names what it cannot show in %s", async (name, line) => {
    const result = await runCli(["inventory", `${bad}/${name}.ts`]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split("\n")).toContain(line);
    expect(result.stderr).not.toMatch(stackTrace);
  });

  test("the readable form prints warnings on stderr and the table on stdout", async () => {
    const result = await runCli(["inventory", `${bad}/unknown-group-data/inventory.ts`]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/^warning: .*group_data\/web_server\.ts is data for a group "web_server"/);
    expect(result.stdout).toContain("web-01");
  });
});
