// Parity with Ansible itself: every `.j2` under test/fixtures/ansible/ (recursively: the filter fixtures and the
// real-world role templates) is rendered by Debian's ansible-core (one ansible-playbook run) and by
// renderTemplate with `jinja: { ansible: true }` (files.template's `jinja_env_kwargs: { ansible: true }`), and the two outputs must be the same bytes. Never skipped: without
// ansible-playbook the tests fail, saying to run `node scripts/test-env.mjs up` (which installs it).
//
// Ansible's template environment, found by experiment with ansible-core 2.14 (and read in its
// plugins/action/template.py and template/__init__.py):
// - trim_blocks=True, lstrip_blocks=False (the template module's defaults);
// - keep_trailing_newline=False, then Ansible appends newlines until the output ends with as many as the
//   source does (`a{% if x %}b{% endif %}\n` gives "ab\n", not "ab");
// - undefined: AnsibleUndefined, a StrictUndefined whose attributes and items are itself
//   (`{{ missing.a | default('d') }}` gives "d", printing it fails);
// - finalize: a printed None is '' and printed generators are lists (`{{ range(2) }}` gives "[0, 1]").
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { renderTemplate } from "../../src/templates/render-template.js";

const directory = "test/fixtures/ansible";
const defaultVarsFile = join(directory, "vars.json");

// The template module's environment, as the user asks for it (no other setting).
const ANSIBLE_SETTINGS = { ansible: true } as const;

// Every `.j2` under a directory, as sorted paths relative to it.
function findTemplates(root: string, under = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(root, under), { withFileTypes: true })) {
    const path = under ? `${under}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...findTemplates(root, path));
    else if (entry.name.endsWith(".j2")) found.push(path);
  }
  return found.sort();
}

// A fixture's vars: its sibling `<name>.vars.json` (`x.conf.j2` → `x.conf.vars.json` or `x.conf.j2.vars.json`),
// else the shared vars.json.
function varsFileOf(template: string): string {
  const path = join(directory, template);
  for (const candidate of [`${path.slice(0, -".j2".length)}.vars.json`, `${path}.vars.json`]) {
    if (existsSync(candidate)) return candidate;
  }
  return defaultVarsFile;
}

// Reads a vars file; Ansible would itself template a string holding `{{`, `{%` or `{#`, so such values are refused.
function readVars(file: string): Record<string, unknown> {
  const text = readFileSync(file, "utf8");
  const marker = /\{[{%#]/.exec(JSON.stringify(JSON.parse(text)));
  if (marker) throw new Error(`${file}: a value holds "${marker[0]}", which Ansible would template: remove it.`);
  return JSON.parse(text);
}

// One play on localhost, one task looped over every fixture: Ansible's template lookup renders each with its
// own vars (template_vars) and the debug module hands the text back in its registered results, which the
// copy module writes to results.json (ansible-core alone: its JSON stdout callback lives in a collection);
// a failing fixture does not stop the others. The lookup runs the same renderer as the template module (Templar.do_template on an
// AnsibleEnvironment: trim_blocks=True, trailing newlines preserved, no backslash escaping, no conversion of
// the result) without the module's stat and copy runs on the target, which cost seconds a file; a second task
// renders a few fixtures with the template module itself, to check that claim.
function writePlaybook(work: string, templates: string[]): string {
  const fixtures = templates.map((template) => ({
    path: resolve(directory, template),
    vars: readVars(varsFileOf(template)),
  }));
  writeFileSync(join(work, "fixtures.json"), JSON.stringify({ fixtures }));
  const task = {
    name: "render",
    "ansible.builtin.debug": {
      msg: "{{ lookup('ansible.builtin.template', item.path, convert_data=False, template_vars=item.vars) }}",
    },
    loop: "{{ fixtures }}",
    loop_control: { label: "{{ item.path }}" },
    ignore_errors: true,
    register: "rendered",
  };
  const collect = {
    name: "collect",
    "ansible.builtin.copy": { content: "{{ rendered.results | to_json }}", dest: `${work}/results.json` },
  };
  const module = {
    name: "cross-check",
    "ansible.builtin.template": { src: "{{ item }}", dest: `${work}/module-{{ index }}.out` },
    vars: readVars(defaultVarsFile),
    loop: moduleChecked.map((template) => resolve(directory, template)),
    loop_control: { index_var: "index" },
  };
  const play = [
    {
      hosts: "localhost",
      connection: "local",
      gather_facts: false,
      vars_files: ["fixtures.json"],
      tasks: [task, collect, module],
    },
  ];
  const file = join(work, "playbook.yml");
  writeFileSync(file, JSON.stringify(play));
  return file;
}

// Fixtures (with the shared vars) also rendered by the template module: whitespace, None and YAML output.
const moduleChecked = ["filters/environment.txt.j2", "filters/yaml.yml.j2", "filters/comment.txt.j2"];

// What Ansible rendered, by template: its output, or its error message.
type AnsibleResult = { output: string } | { error: string };

// Runs ansible-playbook once over every fixture (bounded to 120 s) and reads each output or failure.
function renderWithAnsible(work: string, templates: string[]): AnsibleResult[] {
  const playbook = writePlaybook(work, templates);
  writeFileSync(join(work, "ansible.cfg"), "");
  const env = {
    ...process.env,
    ANSIBLE_CONFIG: join(work, "ansible.cfg"),
    ANSIBLE_LOCAL_TEMP: join(work, "tmp"),
    ANSIBLE_LOCALHOST_WARNING: "false",
    ANSIBLE_INVENTORY_UNPARSED_WARNING: "false",
    ANSIBLE_NOCOLOR: "true",
  };
  const args = ["-i", "localhost,", "-e", "ansible_python_interpreter=/usr/bin/python3", playbook];
  const run = spawnSync("ansible-playbook", args, { env, encoding: "utf8", timeout: 120_000, maxBuffer: 256 << 20 });
  const resultsFile = join(work, "results.json");
  if (run.error || !existsSync(resultsFile)) {
    throw new Error(
      `ansible-playbook did not run (${run.error?.message ?? `exit ${run.status}`}): ${`${run.stdout}\n${run.stderr}`.slice(-2000)}`,
    );
  }
  type Result = { failed?: boolean; msg?: unknown };
  const results = JSON.parse(readFileSync(resultsFile, "utf8")) as Result[];
  return templates.map((_, index): AnsibleResult => {
    const result = results[index];
    if (!result || result.failed || typeof result.msg !== "string")
      return { error: String(result?.msg ?? "no result") };
    return { output: result.msg };
  });
}

// Whether ansible-playbook is on PATH.
function hasAnsible(): boolean {
  return spawnSync("ansible-playbook", ["--version"], { stdio: "ignore", timeout: 30_000 }).status === 0;
}

const templates = findTemplates(directory);
const work = mkdtempSync(join(tmpdir(), "ansible-parity-"));
let ansible: AnsibleResult[] = [];
let moduleOutputs: string[] = [];

beforeAll(() => {
  if (!hasAnsible()) {
    throw new Error(
      "ansible-playbook is missing (Debian's ansible-core): run `node scripts/test-env.mjs up` (as root), which installs it, then rerun.",
    );
  }
  ansible = renderWithAnsible(work, templates);
  moduleOutputs = moduleChecked.map((template, index) => {
    const file = join(work, `module-${index}.out`);
    return existsSync(file) ? readFileSync(file, "utf8") : `(the template module did not render ${template})`;
  });
}, 150_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

test("the reference is Debian's ansible-core 2.14 and the fixtures cover the filters and the roles", () => {
  const version = execFileSync("ansible-playbook", ["--version"], { encoding: "utf8", timeout: 30_000 });
  expect(version.split("\n")[0]).toMatch(/^ansible-playbook \[core 2\.14\.\d+\]$/);
  expect(templates.filter((name) => name.startsWith("filters/")).length).toBeGreaterThanOrEqual(10);
});

test.each(moduleChecked)("Ansible's template lookup renders %s as its template module does", (template) => {
  const lookup = ansible[templates.indexOf(template)];
  expect(lookup && "output" in lookup ? lookup.output : lookup).toBe(moduleOutputs[moduleChecked.indexOf(template)]);
});

test.each(templates.map((template, index) => [template, index] as const))(
  "%s renders byte for byte as Ansible renders it",
  (template, index) => {
    const theirs = ansible[index];
    if (!theirs || "error" in theirs) throw new Error(`Ansible failed to render ${template}: ${theirs?.error}`);
    const path = join(directory, template);
    const options = { name: path, searchPath: dirname(path), jinja: ANSIBLE_SETTINGS };
    const source = readFileSync(path, "utf8");
    const ours = renderTemplate(source, readVars(varsFileOf(template)), options);
    expect(ours).toBe(theirs.output);
    expect(Buffer.from(ours, "utf8").equals(Buffer.from(theirs.output, "utf8"))).toBe(true);
  },
);
