// Parity with Jinja2 itself: every fixture template under test/fixtures/templates/ is rendered by real
// Jinja2 (Debian's python3-jinja2, set up as pyinfra sets it up) and by renderTemplate, from the same
// data.json, and the two outputs must be the same bytes. Never skipped: without Jinja2 the tests fail, saying
// to run `node scripts/test-env.mjs up` (which installs it).
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { renderTemplate } from "../../src/templates/render-template.js";

const directory = "test/fixtures/templates";
const dataFile = join(directory, "data.json");
const templates = readdirSync(directory)
  .filter((name) => name.endsWith(".j2"))
  .sort();
// Debian's python3-jinja2 lives beside /usr/bin/python3; a pyenv `python3` on PATH would not see it.
const python = "/usr/bin/python3";

// Renders each named template with Jinja2 (a fresh copy of the data each), as pyinfra's files.template does.
const jinjaScript = `
import json, sys
import jinja2
from jinja2 import Environment, FileSystemLoader, StrictUndefined
directory, data_file, names = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
env = Environment(loader=FileSystemLoader(directory), keep_trailing_newline=True, undefined=StrictUndefined, autoescape=False)
out = {"version": jinja2.__version__, "outputs": {}}
for name in names:
    with open(data_file, encoding="utf-8") as f:
        data = json.load(f)
    out["outputs"][name] = env.get_template(name).render(**data)
sys.stdout.write(json.dumps(out))
`;

// Whether /usr/bin/python3 can import jinja2.
function hasJinja(): boolean {
  return spawnSync(python, ["-c", "import jinja2"], { stdio: "ignore" }).status === 0;
}

let jinja: { version: string; outputs: Record<string, string> };

beforeAll(() => {
  if (!hasJinja()) {
    throw new Error(
      `Jinja2 is missing for ${python} (Debian's python3-jinja2): run \`node scripts/test-env.mjs up\` (as root), which installs it, then rerun.`,
    );
  }
  const stdout = execFileSync(python, ["-c", jinjaScript, directory, dataFile, JSON.stringify(templates)], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  jinja = JSON.parse(stdout);
}, 60_000);

test("the fixtures are real config files rendered by Jinja2 3.1", () => {
  expect(templates.length).toBeGreaterThanOrEqual(8);
  expect(jinja.version).toMatch(/^3\.1\./);
});

test.each(templates)("%s renders byte for byte as Jinja2 renders it", (name) => {
  const data = JSON.parse(readFileSync(dataFile, "utf8"));
  const source = readFileSync(join(directory, name), "utf8");
  const ours = renderTemplate(source, data, { name: join(directory, name) });
  const theirs = jinja.outputs[name];
  expect(theirs?.length).toBeGreaterThan(100);
  expect(ours).toBe(theirs);
  expect(Buffer.from(ours, "utf8").equals(Buffer.from(theirs ?? "", "utf8"))).toBe(true);
});
