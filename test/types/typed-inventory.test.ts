// Typed inventories and the README's typed deploy repository: examples/typed-repo/ (the README shows its
// tsconfig.json and types/host-data.d.ts) is checked by the real tsc against infra-action's declarations
// as the build emits them. It compiles clean; each mistake a user can make in an inventory or a deploy
// file is a tsc error naming it; and hosts()/group()/data() leave the inventory rules as they were.
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sshDataKeys } from "../../src/connectors/ssh/ssh.js";
import { connectors } from "../../src/engine/connect.js";
import { splitArgs } from "../../src/engine/global-args.js";
import { inventoryJson } from "../helpers/run-cli.js";
import { tempProject } from "../helpers/temp-project.js";

const root = resolve(import.meta.dirname, "../..");
const example = join(root, "examples/typed-repo");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

interface TscError {
  file: string;
  line: number;
  column: number;
  message: string;
}

// Runs tsc as a user would in a project directory and returns its errors (`--pretty false` lines).
async function runTsc(args: readonly string[], cwd: string): Promise<TscError[]> {
  const { stdout } = await new Promise<{ stdout: string }>((done, fail) => {
    execFile(process.execPath, [tsc, "--pretty", "false", ...args], { cwd, timeout: 60_000 }, (error, stdout) => {
      // tsc exits 1 or 2 when it reports errors; anything else (a crash, the timeout) fails the test.
      if (error && error.code !== 1 && error.code !== 2) fail(error);
      else done({ stdout });
    });
  });
  const errors: TscError[] = [];
  for (const line of stdout.split("\n")) {
    const match = /^(.+?)\((\d+),(\d+)\): error TS\d+: (.*)$/.exec(line);
    const last = errors[errors.length - 1];
    if (match)
      errors.push({ file: match[1] ?? "", line: Number(match[2]), column: Number(match[3]), message: match[4] ?? "" });
    else if (line.startsWith(" ") && last) last.message += `\n${line.trim()}`;
    else if (line.trim()) errors.push({ file: "", line: 0, column: 0, message: line });
  }
  return errors;
}

// The source text an error points at.
function textAt(dir: string, error: TscError): string {
  const line = readFileSync(join(dir, error.file), "utf8").split("\n")[error.line - 1] ?? "";
  return line.slice(error.column - 1);
}

// A copy of examples/typed-repo with infra-action (declarations emitted from src) and @types/node installed.
function makeRepo(parent: string, name: string): string {
  const repo = join(parent, name);
  cpSync(example, repo, { recursive: true });
  mkdirSync(join(repo, "node_modules/@types"), { recursive: true });
  symlinkSync(join(parent, "infra-action"), join(repo, "node_modules/infra-action"), "dir");
  symlinkSync(join(root, "node_modules/@types/node"), join(repo, "node_modules/@types/node"), "dir");
  return repo;
}

const imports = 'import { apt, data, files, group, hosts } from "infra-action";\n';

// One mistake per file, with where tsc must point and what it must say.
const mistakes: Array<{ what: string; file: string; code: string; at: string; says: string }> = [
  {
    what: "a misspelt SSH key",
    file: "inventory/typo-ssh-key.ts",
    code: 'export const web = hosts([["web-01", { ssh_prot: 2222 }]]);',
    at: "ssh_prot",
    says: "ssh_prot is not a data key the SSH connector reads: see 'SSH data keys' in infra-action's README",
  },
  {
    what: "a wrong type for ssh_port",
    file: "inventory/wrong-port-type.ts",
    code: 'export const web = hosts([["web-01", { ssh_port: true }]]);',
    at: "ssh_port",
    says: `Type 'true' is not assignable to type 'number | \`\${number}\` | undefined'`,
  },
  {
    what: "a value ssh_strict_host_key_checking does not take",
    file: "inventory/wrong-checking.ts",
    code: 'export const web = hosts([["web-01", { ssh_strict_host_key_checking: "maybe" }]]);',
    at: "ssh_strict_host_key_checking",
    says: `Type '"maybe"' is not assignable to type '"yes" | "accept-new" | "no" | undefined'`,
  },
  {
    what: "a misspelt Docker key",
    file: "inventory/typo-docker-key.ts",
    code: 'export const boxes = hosts([["@docker/debian:bookworm", { docker_imgae: "debian" }]]);',
    at: "docker_imgae",
    says: "docker_imgae is not a data key: the Docker connector reads none",
  },
  {
    what: "an unknown global argument in host data",
    file: "inventory/sduo-host-data.ts",
    code: 'export const web = hosts([["web-01", { _sduo: true }]]);',
    at: "_sduo",
    says: "_sduo is not a global argument (_sudo,",
  },
  {
    what: "an unknown global argument in group data",
    file: "inventory/sduo-group-data.ts",
    code: "export const web_servers_data = data({ _sduo: true });",
    at: "_sduo",
    says: "_sduo is not a global argument (_sudo,",
  },
  {
    what: "a misspelt key in group()'s data",
    file: "inventory/typo-group.ts",
    code: 'export const web = group(["web-01"], { ssh_usr: "deploy" });',
    at: "ssh_usr",
    says: "ssh_usr is not a data key the SSH connector reads",
  },
  {
    what: "a declared HostData key of the wrong type",
    file: "inventory/wrong-app-port.ts",
    code: 'export const web = hosts([["web-01", { app_port: "8001" }]]);',
    at: "app_port",
    says: "is not assignable to type 'number'",
  },
  {
    what: "a host spec that is not a [name, data] pair",
    file: "inventory/bad-spec.ts",
    code: 'export const web = hosts(["web-01", ["web-02", 2222]]);',
    at: '["web-02", 2222]',
    says: "a host is a name ('web-01.example.com') or a [name, data] pair",
  },
  {
    what: "an unknown connector in a host name",
    file: "inventory/bad-connector.ts",
    code: 'export const boxes = hosts(["@dokcer/debian:bookworm"]);',
    at: '"@dokcer/debian:bookworm"',
    says: "@dokcer/debian:bookworm names an unknown connector",
  },
  {
    what: "a connector name without its target",
    file: "inventory/no-target.ts",
    code: 'export const boxes = hosts(["@docker/"]);',
    at: '"@docker/"',
    says: "@docker/ is missing its target",
  },
  {
    what: "a host name with a space",
    file: "inventory/space.ts",
    code: 'export const web = hosts(["web 01"]);',
    at: '"web 01"',
    says: "web 01 is not a host name: names have no spaces",
  },
  {
    what: "an unknown global argument in files.template",
    file: "deploys/sduo-template.ts",
    code: 'files.template({ src: "templates/app.conf.j2", dest: "/etc/app.conf", _sduo: true });',
    at: "_sduo",
    says: "_sduo is not a global argument (_sudo,",
  },
  {
    what: "an unknown global argument in another operation",
    file: "deploys/sduo-packages.ts",
    code: 'apt.packages({ packages: ["nginx"], _sduo: true });',
    at: "_sduo",
    says: "'_sduo' does not exist in type",
  },
];

// What stays allowed: free keys, template variables, computed host lists, every SSH key the connector reads.
const allowed: Record<string, string> = {
  "inventory/allowed.ts": [
    'export const web = hosts([["web-01", { app_port: 80, region: "eu", ssh_port: "2222", _sudo_user: "app" }]]);',
    "export const fleet = hosts(Array.from({ length: 3 }, (_, i) => ['web', i + 1].join('-')));",
    'export const pairs = hosts(["a", "b"].map((name) => [name, { ssh_user: "deploy" }] as const));',
    'export const grouped = group(["@local", "@ssh/10.0.0.5"], { _sudo: true, motd: "hi" });',
  ].join("\n"),
  "deploys/allowed.ts":
    'files.template({ src: "t.j2", dest: "/etc/t", _sudo: true, app_name: "shop", variables: { _x: 1 } });',
  // SshData and the SSH connector's own list of keys (src/connectors/ssh/ssh.ts) name the same keys.
  "inventory/ssh-keys.ts": [
    'import type { SshData } from "infra-action";',
    `export const keys: Record<keyof SshData, true> = { ${sshDataKeys.map((spec) => `${spec.key}: true`).join(", ")} };`,
    `export const web = hosts([["web-01", { ${sshDataKeys.map((spec) => `${spec.key}: ${exampleValue(spec.type)}`).join(", ")} }]]);`,
  ].join("\n"),
};

function exampleValue(type: (typeof sshDataKeys)[number]["type"]): string {
  if (Array.isArray(type)) return JSON.stringify(type[0]);
  return type === "string" ? '"x"' : type === "port" ? "22" : type === "seconds" ? "10" : "0";
}

let dir: string;
let goodErrors: TscError[];
let withMistakes: TscError[];
let withoutExport: TscError[];
let repo: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "infra-action-typed-"));
  const pkg = join(dir, "infra-action");
  mkdirSync(pkg);
  writeFileSync(
    join(pkg, "package.json"),
    JSON.stringify({ name: "infra-action", type: "module", types: "./types/index.d.ts" }),
  );
  expect(await runTsc(["-p", join(root, "tsconfig.types.json"), "--outDir", join(pkg, "types")], root)).toEqual([]);
  const good = makeRepo(dir, "good");
  repo = makeRepo(dir, "mistakes");
  const files = { ...Object.fromEntries(mistakes.map((m) => [m.file, m.code])), ...allowed };
  for (const [file, code] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, file)), { recursive: true });
    writeFileSync(join(repo, file), imports + code);
  }
  // The snippet without its `export {}` line, as the README showed it before.
  const broken = makeRepo(dir, "no-export");
  const snippet = join(broken, "types/host-data.d.ts");
  writeFileSync(snippet, readFileSync(snippet, "utf8").replace(/^export \{\};.*\n/m, ""));
  [goodErrors, withMistakes, withoutExport] = await Promise.all([
    runTsc([], good),
    runTsc([], repo),
    runTsc([], broken),
  ]);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the README's typed deploy repository", () => {
  test("compiles with no errors, exactly as the README lays it out", () => {
    expect(goodErrors).toEqual([]);
  });

  test.each(mistakes)("$what is a tsc error naming it", ({ file, at, says }) => {
    const errors = withMistakes.filter((error) => error.file === file);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.message).toContain(says);
    expect(errors[0] && textAt(repo, errors[0])).toMatch(new RegExp(`^${at.replace(/[[\]()"\\.]/g, "\\$&")}`));
  });

  test("free data keys, template variables, computed hosts and every SSH key stay allowed", () => {
    const unexpected = withMistakes.filter((error) => !mistakes.some((m) => m.file === error.file));
    expect(unexpected).toEqual([]);
  });

  test("connection keys are checked for every connector, and only the SSH connector reads any", () => {
    // ConnectorKeyPrefix (src/host/connector-data.ts) has one prefix per connector; SshData the SSH keys.
    expect(Object.keys(connectors).sort()).toEqual(["docker", "local", "ssh"]);
    expect(connectors.docker.dataKeys).toEqual([]);
    expect(connectors.local.dataKeys).toEqual([]);
  });

  test("the global arguments a message lists are the ones infra-action reads", () => {
    let runtime = "";
    try {
      splitArgs({ _zz: 1 }, {}, (value): value is never => false);
    } catch (error) {
      runtime = /Global arguments: ([^.]+)\./.exec((error as Error).message)?.[1] ?? "";
    }
    expect(runtime).toContain("_sudo");
    for (const file of ["inventory/sduo-host-data.ts", "deploys/sduo-template.ts"]) {
      const listed = withMistakes.find((error) => error.file === file)?.message ?? "";
      // tsc cuts a long type in its message with "...": what it shows must begin the runtime list.
      const shown = /\((_sudo[^)']*)/.exec(listed)?.[1] ?? "";
      expect(shown.length).toBeGreaterThan(100);
      expect(runtime.startsWith(shown.replace(/\.\.\.$/, ""))).toBe(true);
    }
  });

  test("without the snippet's `export {}`, the declaration replaces infra-action's types (why it is there)", () => {
    expect(withoutExport.map((error) => error.message).join("\n")).toContain(
      `Module '"infra-action"' has no exported member 'apt'`,
    );
  });
});

describe("hosts(), group() and data() leave the inventory as it was", () => {
  test("the example inventory resolves as its untyped form does", async () => {
    const inventory = await inventoryJson(join(example, "inventory/production.ts"));
    expect(inventory.hosts.map((h) => [h.name, h.groups, h.data.app_port])).toEqual([
      ["web-01.example.com", ["production", "web_servers"], 8001],
      ["web-02.example.com", ["production", "web_servers"], 8080],
      ["db-01.example.com", ["db_servers", "production"], 8000],
    ]);
    expect(inventory.hosts[0]?.data).toMatchObject({ ssh_user: "deploy", _sudo: true });
    expect(inventory.hosts[2]?.data).toMatchObject({ ssh_port: 2222 });
  });

  test("group() is pyinfra's [hosts, data] group form", async () => {
    const project = tempProject({
      "inventory.ts":
        'import { group } from "infra-action";\nexport const web = group(["web-01", "web-02"], { app_port: 80 });\n',
    });
    const inventory = await inventoryJson("inventory.ts", [], { cwd: project });
    expect(inventory.groups.web).toEqual(["web-01", "web-02"]);
    expect(inventory.hosts.map((h) => h.data.app_port)).toEqual([80, 80]);
  });
});

describe("README", () => {
  test("shows the typed repository's tsconfig.json, host-data.d.ts and inventory verbatim", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const missing = ["tsconfig.json", "types/host-data.d.ts", "inventory/production.ts"].filter(
      (file) => !readme.includes(readFileSync(join(example, file), "utf8")),
    );
    expect(missing, "files of examples/typed-repo/ the README does not show verbatim").toEqual([]);
  });
});
