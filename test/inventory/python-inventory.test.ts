// pyinfra `.py` inventories run by python3: what works (top-level code, os.environ, comprehensions,
// the user's own modules, print()), and each mistake as the one clear message a user sees.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { publicApiProvider } from "../../src/engine/public-api.js";
import { type InventoryJson, toInventoryJson } from "../../src/inventory/inventory-json.js";
import { loadInventory } from "../../src/inventory/load-inventory.js";
import { loadModule } from "../../src/loader/load-module.js";
import { loadPythonModule } from "../../src/loader/python-module.js";
import { runCli } from "../helpers/run-cli.js";
import { tempProject } from "../helpers/temp-project.js";

// Loads `inventory.py` of a throwaway project with these files.
async function load(files: Record<string, string>): Promise<{ dir: string; inventory: InventoryJson }> {
  const dir = tempProject(files);
  return {
    dir,
    inventory: toInventoryJson(await loadInventory(join(dir, "inventory.py"), { api: publicApiProvider })),
  };
}

// The message of the error loading `inventory.py` gives, with the project's path cut to "<dir>".
async function failure(files: Record<string, string>): Promise<string> {
  const dir = tempProject(files);
  const error = await loadInventory(join(dir, "inventory.py"), { api: publicApiProvider }).then(
    () => new Error("it loaded"),
    (thrown: Error) => thrown,
  );
  expect(error.name, error.message).not.toBe("Error");
  return error.message.split(dir).join("<dir>");
}

// Runs with process.env changed for the duration (python3 inherits it).
async function withEnv<T>(env: Record<string, string | undefined>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  const assign = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  assign(env);
  try {
    return await run();
  } finally {
    assign(saved);
  }
}

const traceback = /Traceback|File "|^\s+at /m;

describe("what a pyinfra inventory can do", () => {
  test("top-level code, a list comprehension, os.environ and a helper module beside the inventory", async () => {
    const { inventory } = await withEnv({ DEPLOY_USER: "deploy" }, () =>
      load({
        "inventory.py": [
          "import os",
          "from hosts import make_names",
          "",
          'web_servers = [(name, {"ssh_user": os.environ["DEPLOY_USER"]}) for name in make_names("web", 2)]',
          'db_servers = ([f"db-{i}" for i in range(1, 2)], {"role": "db"})',
          "ports = (80, 443)",
          "",
          "def helper():",
          "    return 1",
          "",
          "class Config:",
          "    pass",
          "",
          "_private = object()",
        ].join("\n"),
        "hosts.py": 'def make_names(prefix, count):\n    return [f"{prefix}-{i:02d}" for i in range(1, count + 1)]\n',
      }),
    );
    expect(inventory.hosts).toEqual([
      {
        name: "web-01",
        connector: "ssh",
        groups: ["inventory", "web_servers"],
        data: { ssh_user: "deploy", ports: [80, 443] },
      },
      {
        name: "web-02",
        connector: "ssh",
        groups: ["inventory", "web_servers"],
        data: { ssh_user: "deploy", ports: [80, 443] },
      },
      { name: "db-1", connector: "ssh", groups: ["db_servers", "inventory"], data: { role: "db", ports: [80, 443] } },
    ]);
    expect(inventory.warnings).toEqual([]);
  });

  test("print() output, even a line like the result, does not reach stdout or break the reading", async () => {
    const dir = tempProject({
      "inventory.py": [
        "import os, sys",
        'print("loading hosts")',
        'print(\'{"variables": [["targets", ["evil"]]], "skipped": []}\')',
        'os.write(1, b"written to fd 1\\n")',
        'sys.stderr.write("a warning\\n")',
        'targets = ["web-01"]',
      ].join("\n"),
    });
    let output = "";
    const loaded = await loadPythonModule(join(dir, "inventory.py"), "inventory", {
      output: (text) => (output += text),
    });
    expect(loaded.exports).toEqual([["targets", ["web-01"]]]);
    expect(output).toContain("loading hosts\n");
    expect(output).toContain('{"variables": [["targets", ["evil"]]], "skipped": []}');
    expect(output).toContain("written to fd 1\n");
    expect(output).toContain("a warning\n");
  });

  test("`infra-action inventory inventory.py --json`: the JSON on stdout, the file's print() on stderr", async () => {
    const dir = tempProject({
      "inventory.py": 'print("hello from the inventory")\nweb = [("web-01", {"port": 80})]\n',
    });
    const result = await runCli(["inventory", join(dir, "inventory.py"), "--json"]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).hosts).toEqual([
      { name: "web-01", connector: "ssh", groups: ["inventory", "web"], data: { port: 80 } },
    ]);
    expect(result.stderr).toContain("hello from the inventory");
  });

  test("group_data/*.py: group and global data, __all__ limiting the names, modules and functions left out", async () => {
    const { inventory } = await load({
      "inventory.py": 'web = ["web-01"]\ndb = ["db-01"]\n',
      "group_data/all.py": 'import os\nregion = "eu"\n',
      "group_data/web.py": '__all__ = ["port"]\nport = 8080\nscratch = "not exported"\n',
    });
    expect(inventory.hosts.map((host) => [host.name, host.data])).toEqual([
      ["web-01", { region: "eu", port: 8080 }],
      ["db-01", { region: "eu" }],
    ]);
  });

  test("a top-level value that is not data is left out with a warning, as in TypeScript inventories", async () => {
    const { inventory } = await load({
      "inventory.py": 'import datetime\ntargets = ["web-01"]\nstarted = datetime.date(2024, 1, 2)\nzones = {"a"}\n',
    });
    expect(inventory.hosts[0]?.data).toEqual({});
    expect(inventory.warnings.map((warning) => warning.replace(/^.*inventory\.py/, "inventory.py"))).toEqual([
      'inventory.py: variable "started" is a datetime.date (datetime.date(2024, 1, 2)), which is not data; it is ignored. Inventory values are strings, numbers, booleans, None, lists, tuples and dicts.',
      "inventory.py: variable \"zones\" is a set ({'a'}), which is not data; it is ignored. Inventory values are strings, numbers, booleans, None, lists, tuples and dicts.",
    ]);
  });
});

describe("mistakes in a pyinfra inventory", () => {
  const help =
    "Inventory values are strings, numbers, booleans, None, lists, tuples and dicts: convert it (for example with str()).";
  test.each([
    [
      "a datetime inside host data, named by its path",
      {
        "inventory.py": 'import datetime\nweb_servers = ["web-01", ("web-02", {"since": datetime.date(2024, 1, 2)})]\n',
      },
      `<dir>/inventory.py: variable "web_servers"[1][1]["since"] is a datetime.date (datetime.date(2024, 1, 2)), which is not data. ${help}`,
    ],
    [
      "an object inside group data",
      { "inventory.py": 'class Port:\n    pass\n\nweb = ["web-01"]\nweb_data = {"ports": [Port()]}\n' },
      `<dir>/inventory.py: variable "web_data"["ports"][0] is a Port (`,
    ],
    [
      "a set nested in a list",
      { "inventory.py": 'web = ["web-01"]\nzones = [{"a"}]\n' },
      `<dir>/inventory.py: variable "zones"[0] is a set ({'a'}), which is not data. ${help}`,
    ],
    [
      "a list that contains itself",
      { "inventory.py": 'web = ["web-01"]\nloop = []\nloop.append(loop)\n' },
      `<dir>/inventory.py: variable "loop"[0] is a list that contains itself (a circular reference) ([[...]]). ${help}`,
    ],
    [
      "an integer JSON cannot hold exactly",
      { "inventory.py": 'web = ["web-01"]\nbig = 2 ** 64\n' },
      `<dir>/inventory.py: variable "big" is an integer too large for a number in JSON (over 2**53) (18446744073709551616). ${help}`,
    ],
    [
      "NaN",
      { "inventory.py": 'web = ["web-01"]\nratio = float("nan")\n' },
      `<dir>/inventory.py: variable "ratio" is not a finite number; JSON has no NaN or infinity (nan). ${help}`,
    ],
    [
      "a group data file's non-data value names that file",
      {
        "inventory.py": 'web = ["web-01"]\n',
        "group_data/web.py": "import pathlib\nroot = {'dir': pathlib.PurePosixPath('/srv')}\n",
      },
      `<dir>/group_data/web.py: variable "root"["dir"] is a pathlib.PurePosixPath (PurePosixPath('/srv')), which is not data. ${help}`,
    ],
    [
      "a syntax error, at file:line:column",
      { "inventory.py": 'targets = ["a"]\nx = = 1\n' },
      "<dir>/inventory.py:2:5: syntax error: invalid syntax. Fix the syntax at that position and run again.",
    ],
    [
      "a syntax error whose message is a question (Python 3.10 and later)",
      { "inventory.py": 'targets = ["a" "b" "c"\n  "d" 1]\n' },
      "<dir>/inventory.py:1:12: syntax error: invalid syntax. Perhaps you forgot a comma? Fix the syntax at that position and run again.",
    ],
    [
      "a syntax error in a module the inventory imports",
      { "inventory.py": 'import hosts\ntargets = ["a"]\n', "hosts.py": "names = ['a']\nsize = = 1\n" },
      "<dir>/hosts.py:2: syntax error: invalid syntax (imported by <dir>/inventory.py:1). Fix the syntax at that position and run again.",
    ],
    [
      "an exception, at the inventory's line",
      { "inventory.py": 'import os\ntargets = ["a"]\npassword = os.environ["INFRA_ACTION_TEST_UNSET"]\n' },
      "inventory <dir>/inventory.py failed while running: KeyError: 'INFRA_ACTION_TEST_UNSET' (at <dir>/inventory.py:3).",
    ],
    [
      "an exception raised in the user's own module",
      {
        "inventory.py": 'from hosts import names\ntargets = names("x")\n',
        "hosts.py": "def names(count):\n    return list(range(int(count)))\n",
      },
      "inventory <dir>/inventory.py failed while running: ValueError: invalid literal for int() with base 10: 'x' (at <dir>/inventory.py:2, raised in <dir>/hosts.py:2).",
    ],
    [
      "an import of a module that is not there",
      { "inventory.py": "import no_such_helper\n" },
      "inventory <dir>/inventory.py failed while running: ModuleNotFoundError: No module named 'no_such_helper' (at <dir>/inventory.py:1). Put no_such_helper.py beside the inventory, or install the package for python3 (`pip install …`).",
    ],
    [
      "an import of pyinfra's API in group data",
      { "inventory.py": 'web = ["web-01"]\n', "group_data/web.py": "from pyinfra import inventory\n" },
      "group data file <dir>/group_data/web.py failed while running: ModuleNotFoundError: No module named 'pyinfra' (at <dir>/group_data/web.py:1). infra-action reads inventories without pyinfra, so pyinfra's API (pyinfra.host, pyinfra.inventory) cannot be imported there; keep the file to plain data.",
    ],
    [
      "a file with a UTF-8 byte order mark reads as any other",
      { "inventory.py": '\ufeffweb = ["web-01"]\nweb_data = {"port": None}\nbad = [object()]\n' },
      `<dir>/inventory.py: variable "bad"[0] is an object (<object object at `,
    ],
    [
      "input(): there is no one to answer",
      { "inventory.py": 'password = input("password: ")\n' },
      "inventory <dir>/inventory.py failed while running: EOFError: EOF when reading a line (at <dir>/inventory.py:1).",
    ],
    [
      "sys.exit()",
      { "inventory.py": 'import sys\ntargets = ["a"]\nsys.exit(3)\n' },
      "inventory <dir>/inventory.py called sys.exit(3) while it ran. An inventory only defines variables; remove the exit.",
    ],
    [
      "a host list with a wrong item: the shared rules' message",
      { "inventory.py": 'web_servers = ["web-01", 42]\n' },
      '<dir>/inventory.py: export "web_servers", index 1: 42 (a number) is not a host.',
    ],
  ])("%s", async (_name, files, expected) => {
    const message = await failure(files);
    expect(message.startsWith(expected), message).toBe(true);
    expect(message).not.toMatch(traceback);
  });

  test("python3 missing from PATH: says what to install", async () => {
    const dir = tempProject({ "inventory.py": 'targets = ["a"]\n' });
    const emptyDir = mkdtempSync(join(tmpdir(), "infra-action-no-python-"));
    const message = await withEnv({ PATH: emptyDir }, () =>
      loadInventory(join(dir, "inventory.py"), { api: publicApiProvider }).then(
        () => "it loaded",
        (error: Error) => error.message,
      ),
    );
    expect(message.split(dir).join("<dir>")).toBe(
      "inventory <dir>/inventory.py is a pyinfra (Python) file, and reading it needs python3, which is not on PATH. Install Python 3 (`apt-get install python3`, `brew install python`), or in a workflow add an `actions/setup-python` step before this one.",
    );
  });

  test("a run that does not end is stopped at the time limit", async () => {
    const dir = tempProject({ "inventory.py": "while True:\n    pass\n" });
    const started = Date.now();
    const message = await loadPythonModule(join(dir, "inventory.py"), "inventory", { timeoutMs: 1000 }).then(
      () => "it loaded",
      (error: Error) => error.message,
    );
    expect(message.split(dir).join("<dir>")).toBe(
      "inventory <dir>/inventory.py did not finish within 1 s, so python3 was stopped. Look for code that waits: a network call without a timeout, input(), an endless loop.",
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test("a deploy file in Python is refused with what to do", async () => {
    const dir = tempProject({ "deploy.py": "from pyinfra.operations import server\n" });
    const message = await loadModule(join(dir, "deploy.py"), { role: "deploy file", api: publicApiProvider }).then(
      () => "it loaded",
      (error: Error) => error.message,
    );
    expect(message.split(dir).join("<dir>")).toBe(
      "deploy file <dir>/deploy.py has an unsupported extension; infra-action reads `.ts`, `.mts`, `.js`, `.mjs`, `.json` files. pyinfra's Python is read for inventories and group data only; write deploy files in TypeScript or JavaScript.",
    );
  });

  test("an inventory of another kind: the message names .py among the choices", async () => {
    const dir = tempProject({ "inventory.yaml": "web: [a]\n" });
    const message = await loadInventory(join(dir, "inventory.yaml"), { api: publicApiProvider }).then(
      () => "it loaded",
      (error: Error) => error.message,
    );
    expect(message).toContain("Rename it or convert it to one of these or to a pyinfra inventory (`.py`).");
  });

  test("a file that does not exist", async () => {
    const message = await loadInventory("no/such/inventory.py", { api: publicApiProvider }).then(
      () => "it loaded",
      (error: Error) => error.message,
    );
    expect(message).toBe(
      `inventory no/such/inventory.py does not exist. Check the path (it is relative to ${process.cwd()}).`,
    );
  });
});
