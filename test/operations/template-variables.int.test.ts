// files.template as a user drives it on @local: variables that cannot be arguments (`_x`, `__x`, `dest`,
// `name`) go through `variables`, user-given `host` and `inventory` win over the built-in ones (as in
// pyinfra), and `jinja_env_kwargs` renders with Jinja2's settings (trim_blocks as Ansible roles expect).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "infra-action-template-vars-"));

function write(name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

// Applies a one-operation deploy on @local and returns what the CLI printed.
async function applyTemplate(call: string) {
  const deploy = write(
    `deploy-${Math.random().toString(36).slice(2)}.ts`,
    `import { files } from "infra-action";\n${call}\n`,
  );
  const inventory = write("inventory.ts", `export const machines = ["@local"];\n`);
  const result = await runCli(["apply", inventory, deploy, "--yes"], { cwd: dir, timeoutMs: 60_000 });
  return { exitCode: result.exitCode, output: result.stdout + result.stderr };
}

test("names starting with _ and names of arguments are passed through `variables`", async () => {
  write("vars.j2", "{{ _port }} {{ __role }} {{ dest }} {{ name }} {{ mode }} {{ plain }}\n");
  const out = join(dir, "vars.out");
  const result = await applyTemplate(
    `files.template({ src: "vars.j2", dest: ${JSON.stringify(out)}, plain: "p", variables: { _port: 8080, __role: "web", dest: "/elsewhere", name: "n", mode: "0600" } });`,
  );
  expect(result.exitCode, result.output).toBe(0);
  expect(readFileSync(out, "utf8")).toBe("8080 web /elsewhere n 0600 p\n");
});

test("a template variable given as `_x` directly says to use `variables`", async () => {
  write("underscore.j2", "{{ _x }}\n");
  const result = await applyTemplate(
    `files.template({ src: "underscore.j2", dest: ${JSON.stringify(join(dir, "underscore.out"))}, _x: 1 });`,
  );
  expect(result.exitCode).not.toBe(0);
  expect(result.output).toContain("unknown global argument _x");
  expect(result.output).toContain("variables: { _x: … }");
  expect(result.output).not.toMatch(/\n\s+at /);
});

test("user-given host and inventory variables win over the built-in ones", async () => {
  write("host.j2", "{{ host }} {{ inventory.name }}\n");
  const out = join(dir, "host.out");
  const result = await applyTemplate(
    `files.template({ src: "host.j2", dest: ${JSON.stringify(out)}, host: "db.example", inventory: { name: "prod" } });`,
  );
  expect(result.exitCode).toBe(0);
  expect(readFileSync(out, "utf8")).toBe("db.example prod\n");
});

test("without them, host and inventory are the built-in ones", async () => {
  write("builtin.j2", "{{ host.name }} {{ inventory.hosts | length }}\n");
  const out = join(dir, "builtin.out");
  const result = await applyTemplate(`files.template({ src: "builtin.j2", dest: ${JSON.stringify(out)} });`);
  expect(result.exitCode).toBe(0);
  expect(readFileSync(out, "utf8")).toBe("@local 1\n");
});

test("jinja_env_kwargs renders with trim_blocks, lstrip_blocks and a lenient undefined", async () => {
  write("settings.j2", "{% for n in names %}\n  {% if n %}\nline {{ n }}{{ missing }}\n  {% endif %}\n{% endfor %}\n");
  const out = join(dir, "settings.out");
  const result = await applyTemplate(
    `files.template({ src: "settings.j2", dest: ${JSON.stringify(out)}, names: ["a", "b"], jinja_env_kwargs: { trim_blocks: true, lstrip_blocks: true, undefined: "Undefined" } });`,
  );
  expect(result.exitCode).toBe(0);
  expect(readFileSync(out, "utf8")).toBe("line a\nline b\n");
});

test("jinja_env_kwargs ansible: true renders a role's template as Ansible's template module does", async () => {
  write(
    "role.j2",
    "{% for n in names %}\nline {{ n }}{{ nothing }}\n{% endfor %}\n{{ missing.deep | default('fallback') }}\n",
  );
  const out = join(dir, "role.out");
  const result = await applyTemplate(
    `files.template({ src: "role.j2", dest: ${JSON.stringify(out)}, names: ["a", "b"], nothing: null, jinja_env_kwargs: { ansible: true } });`,
  );
  expect(result.exitCode, result.output).toBe(0);
  expect(readFileSync(out, "utf8")).toBe("line a\nline b\nfallback\n");
});

test("an unknown jinja_env_kwargs setting is refused naming what is supported", async () => {
  write("unknown.j2", "x\n");
  const result = await applyTemplate(
    `files.template({ src: "unknown.j2", dest: ${JSON.stringify(join(dir, "unknown.out"))}, jinja_env_kwargs: { autoescape: true } });`,
  );
  expect(result.exitCode).not.toBe(0);
  expect(result.output).toContain("jinja_env_kwargs has no setting autoescape");
  expect(result.output).toContain("trim_blocks, lstrip_blocks, keep_trailing_newline, ansible, undefined");
});
