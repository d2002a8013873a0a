// Parity with Jinja2 for the Environment settings files.template takes as `jinja_env_kwargs`: every
// fixture under test/fixtures/jinja-options/ is rendered by real Jinja2 (Debian's python3-jinja2) and by
// renderTemplate with each combination of trim_blocks, lstrip_blocks and keep_trailing_newline, and the
// outputs must be the same bytes. The `undefined` setting is checked the same way on small templates.
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, test } from "vitest";
import type { JinjaOptions, UndefinedKind } from "../../src/templates/jinja-options.js";
import { renderTemplate } from "../../src/templates/render-template.js";

const directory = "test/fixtures/jinja-options";
const data = JSON.parse(readFileSync(join(directory, "data.json"), "utf8"));
const templates = readdirSync(directory)
  .filter((name) => name.endsWith(".j2"))
  .sort();
const python = "/usr/bin/python3";

const flags = [false, true];
const combinations: JinjaOptions[] = flags.flatMap((trimBlocks) =>
  flags.flatMap((lstripBlocks) =>
    flags.map((keepTrailingNewline) => ({ trimBlocks, lstripBlocks, keepTrailingNewline })),
  ),
);

// Small templates for the undefined kinds: what each prints, or the error Jinja2 raises.
const undefinedCases = [
  "[{{ missing }}]",
  "{% if missing %}yes{% else %}no{% endif %}",
  "{% for x in missing %}{{ x }}{% else %}empty{% endfor %}",
  "{{ missing | default('fallback') }}",
  "{{ missing is defined }} {{ missing is undefined }}",
  "{{ missing == 'a' }} {{ missing != 'a' }} {{ 'a' in missing }}",
  "[{{ settings.nothing }}] [{{ settings['nothing'] }}]",
  "{{ missing.attribute }}",
  "{{ missing.attribute.deeper | default('chained') }}",
  "{% if settings.nothing.deeper %}x{% endif %}end",
  "{{ missing + 1 }}",
];
const kinds: Exclude<UndefinedKind, "ansible">[] = ["strict", "default", "chainable"];
const jinjaUndefined: Record<(typeof kinds)[number], string> = {
  strict: "StrictUndefined",
  default: "Undefined",
  chainable: "ChainableUndefined",
};

const jinjaScript = `
import json, sys
from jinja2 import Environment, FileSystemLoader, StrictUndefined, Undefined, ChainableUndefined
directory, data_file, names, combos, cases, kinds = sys.argv[1], sys.argv[2], *map(json.loads, sys.argv[3:])
data = json.load(open(data_file, encoding="utf-8"))
out = {"files": [], "undefined": []}
for c in combos:
    env = Environment(loader=FileSystemLoader(directory), undefined=StrictUndefined, autoescape=False,
                      trim_blocks=c["trimBlocks"], lstrip_blocks=c["lstripBlocks"],
                      keep_trailing_newline=c["keepTrailingNewline"])
    out["files"].append({name: env.get_template(name).render(**data) for name in names})
for kind in kinds:
    env = Environment(undefined={"StrictUndefined": StrictUndefined, "Undefined": Undefined,
                                 "ChainableUndefined": ChainableUndefined}[kind], keep_trailing_newline=True)
    results = []
    for case in cases:
        try:
            results.append({"output": env.from_string(case).render(**data)})
        except Exception as error:
            results.append({"error": type(error).__name__})
    out["undefined"].append(results)
sys.stdout.write(json.dumps(out))
`;

let jinja: { files: Record<string, string>[]; undefined: ({ output: string } | { error: string })[][] };

beforeAll(() => {
  if (spawnSync(python, ["-c", "import jinja2"], { stdio: "ignore" }).status !== 0) {
    throw new Error(`Jinja2 is missing for ${python}: run \`node scripts/test-env.mjs up\` (as root), then rerun.`);
  }
  const args = [templates, combinations, undefinedCases, kinds.map((kind) => jinjaUndefined[kind])];
  const stdout = execFileSync(
    python,
    ["-c", jinjaScript, directory, join(directory, "data.json"), ...args.map((arg) => JSON.stringify(arg))],
    { encoding: "utf8" },
  );
  jinja = JSON.parse(stdout);
}, 60_000);

const fileCases = combinations.flatMap((options, index) => templates.map((name) => ({ name, options, index })));

test.each(fileCases)("$name with $options renders as Jinja2 renders it", ({ name, options, index }) => {
  const source = readFileSync(join(directory, name), "utf8");
  const theirs = jinja.files[index]?.[name];
  expect(theirs).toBeTypeOf("string");
  expect(renderTemplate(source, structuredClone(data), { name: join(directory, name), jinja: options })).toBe(theirs);
});

test("the settings change the output (the fixtures exercise them)", () => {
  const outputs = new Set(jinja.files.map((rendered) => rendered["blocks.conf.j2"]));
  expect(outputs.size).toBe(combinations.length);
});

const undefinedChecks = kinds.flatMap((kind, index) =>
  undefinedCases.map((source, at) => ({ kind, source, index, at })),
);

test.each(undefinedChecks)("undefined: $kind renders $source as Jinja2 does", ({ kind, source, index, at }) => {
  const expected = jinja.undefined[index]?.[at];
  const render = () => renderTemplate(source, structuredClone(data), { name: "case.j2", jinja: { undefined: kind } });
  if (expected && "output" in expected) expect(render()).toBe(expected.output);
  else expect(render).toThrow(/undefined|no attribute|unsupported/);
});
