// Ansible's regex and YAML filters against Python itself, over many generated cases: the regex filters must
// match as Python's `re` does (patterns, flags, empty matches, replacement templates, errors), and to_yaml /
// to_nice_yaml must write what PyYAML's CSafeDumper (libyaml, Ansible's dumper) writes. Python is Debian's
// /usr/bin/python3 with python3-yaml (installed with ansible-core by `node scripts/test-env.mjs up`).
import { execFileSync, spawnSync } from "node:child_process";
import { expect, test } from "vitest";
import { dumpYaml } from "../../src/templates/filters-ansible-yaml-emitter.js";
import { renderTemplate } from "../../src/templates/render-template.js";

const python = "/usr/bin/python3";

// Runs a Python script over JSON cases (on stdin) and reads its JSON answer.
function askPython(script: string, cases: unknown): unknown[] {
  if (spawnSync(python, ["-c", "import yaml; yaml.CSafeDumper"], { stdio: "ignore" }).status !== 0) {
    throw new Error(
      `${python} lacks PyYAML with libyaml (python3-yaml): run \`node scripts/test-env.mjs up\` (as root).`,
    );
  }
  const input = JSON.stringify(cases);
  return JSON.parse(
    execFileSync(python, ["-c", script], { input, encoding: "utf8", maxBuffer: 1 << 28, timeout: 60_000 }),
  );
}

const regexScript = `
import json, re, sys
out = []
for pattern, replacement, text, flags in json.load(sys.stdin):
    f = (re.I if 'i' in flags else 0) | (re.M if 'm' in flags else 0)
    try:
        found = [list(x) if isinstance(x, tuple) else x for x in re.findall(pattern, text, f)]
        out.append([re.sub(pattern, replacement, text, flags=f), found])
    except Exception as e:
        out.append(["error", []])
json.dump(out, sys.stdout)
`;

const patterns = [
  ...["\\d+", "\\w+", "\\W+", "\\s+", "\\bfoo\\b", "^\\w", "\\w$", "$", "^", "(a|b)+", "(?P<x>\\w)(?P=x)", "[^\\w\\s]"],
  ...[
    "[\\w.-]+@[\\w.-]+",
    "\\.",
    "a{2,}",
    "a{,2}",
    "x{",
    "{}",
    "(?i)abc",
    "(?m)^\\w+$",
    "(?s)a.b",
    "a.b",
    "[]a]",
    "[^]a]",
  ],
  ...[
    "\\A\\w",
    "\\w\\Z",
    "(a)?b",
    "(?:a|(b))c",
    "é+",
    "\\D+",
    "\\S+",
    "[\\d,]+",
    "\\$\\{(\\w+)\\}",
    "(?#c)a",
    "\\-",
    "\\:",
  ],
  ...["a*?", ".*", "(?<=a)b", "(?<!a)b", "(?=b)", "\\B\\w", "x*", "(\\w+)=(\\d+)?"],
];
const replacements = ["<\\1>", "[\\g<0>]", "-", "\\n", "\\\\", "x\\ty", "\\g<1>\\2"];
const subjects = [
  "foo bar_baz 123 Foo",
  "aab abb ba\nccab\n",
  "é café naïve 42 ٣",
  "user@example.com, x.y-z@host.org",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: shell-style text for the \$\{(\w+)\} pattern
].concat(["${HOME} and ${USER}", "a\nb\r\nc", "", "a.b a\nb aaa", "k=1 j= x=22", "sep\x1cx \ufeffy\u0085z"]);

test("regex_replace and regex_findall match as Python's re does (or both refuse)", () => {
  const cases = patterns.flatMap((pattern, p) =>
    subjects.flatMap((text, s) =>
      ["", "i", "m"].map((flags, f) => [pattern, replacements[(p + s + f) % replacements.length] ?? "", text, flags]),
    ),
  );
  const theirs = askPython(regexScript, cases);
  const template =
    "{{ [s | regex_replace(p, r, ignorecase=i, multiline=m), s | regex_findall(p, ignorecase=i, multiline=m)] | to_json }}";
  const differences = cases.flatMap(([p, r, s, flags], i) => {
    let ours: unknown;
    try {
      const vars = { p, r, s, i: flags?.includes("i"), m: flags?.includes("m") };
      ours = JSON.parse(renderTemplate(template, vars, { name: "regex.j2" }));
    } catch {
      ours = ["error", []];
    }
    return JSON.stringify(ours) === JSON.stringify(theirs[i]) ? [] : [{ case: cases[i], ours, theirs: theirs[i] }];
  });
  expect(cases.length).toBeGreaterThan(1000);
  expect(differences.slice(0, 5)).toEqual([]);
});

const yamlScript = `
import json, sys, yaml
json.dump([yaml.dump(c["value"], Dumper=yaml.CSafeDumper, allow_unicode=True, **c["options"]) for c in json.load(sys.stdin)], sys.stdout)
`;

// Scalars that exercise PyYAML's implicit types, libyaml's quoting rules and folding.
const atoms: unknown[] = ([] as unknown[])
  .concat(["", " ", "a", "yes", "No", "null", "~", "1", "1.5", "0x1F", "0777", "1_000", "1:30", ".inf"])
  .concat([
    "2024-01-01",
    "2024-1-1 10:00:00",
    "=",
    "<<",
    "!",
    "&a",
    "*b",
    "- x",
    "-x",
    "? q",
    "?q",
    ":x",
    "a:b",
    "a: b",
  ])
  .concat([
    "a #b",
    "a#b",
    "#c",
    "---",
    "...x",
    "x,y",
    "[x]",
    "{x}",
    "@x",
    "`x",
    "%x",
    "|x",
    ">x",
    "'q'",
    '"dq"',
    "tab\there",
  ])
  .concat([
    "line1\nline2",
    "trail\n",
    "\nlead",
    " lead",
    "trail ",
    "two  spaces",
    "a \nb",
    "a\n b",
    "ünïcödé",
    "emoji 😀",
  ])
  .concat(["nbsp\u00a0x", "bom\ufeffx", "nel\u0085x", "ls\u2028x", "cr\rx", "bell\u0007", "back\\slash", "it's"])
  .concat(["word ".repeat(30).trim(), "word ".repeat(30), `${"x".repeat(70)} `.repeat(3), "a".repeat(130)])
  .concat([`${"k".repeat(120)} ${"w".repeat(20)}`, "long 'quoted' text that goes on and on ".repeat(4)])
  .concat(["tabbed\tline ".repeat(12), "multi\nline\n\nwith blank\n", "  double  spaced  long text ".repeat(6)])
  .concat([0, 1, -3, 1.5, 1e20, 1e-7, 0.1, true, false, null]);

// A deterministic nested value built from the atoms.
function generate(seed: number, depth: number): unknown {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const kind = depth > 2 ? 0 : next(4);
  if (kind <= 1) return atoms[next(atoms.length)];
  if (kind === 2) return Array.from({ length: next(4) }, (_, i) => generate(seed + i * 7919, depth + 1));
  const entries = Array.from({ length: next(5) }, (_, i) => [
    String(atoms[next(atoms.length)]),
    generate(seed + i * 104729, depth + 1),
  ]);
  return Object.fromEntries(entries);
}

test("to_yaml and to_nice_yaml write what PyYAML's CSafeDumper writes", () => {
  const values = [
    ...atoms,
    ...atoms.map((atom) => ({ key: atom, list: [atom] })),
    ...atoms.map((atom) => [[atom], { [String(atom)]: atom }]),
  ];
  for (let seed = 1; seed < 300; seed++) values.push(generate(seed, 0));
  const optionSets = [
    { default_flow_style: null, indent: 2, width: 80 },
    { default_flow_style: false, indent: 4, width: 80 },
    { default_flow_style: false, indent: 2, width: 80 },
    { default_flow_style: null, indent: 4, width: 40 },
  ];
  const cases = values.flatMap((value) => optionSets.map((options) => ({ value, options })));
  const theirs = askPython(yamlScript, cases);
  const differences = cases.flatMap(({ value, options }, i) => {
    const ours = dumpYaml(value, { ...options, defaultFlowStyle: options.default_flow_style, sortKeys: true });
    return ours === theirs[i] ? [] : [{ value, options, ours, theirs: theirs[i] }];
  });
  expect(cases.length).toBeGreaterThan(2000);
  expect(differences.slice(0, 5)).toEqual([]);
});
