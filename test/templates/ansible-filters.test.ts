// What a user sees when an Ansible filter or test is given what it cannot do: one clear TemplateError naming
// the template, the line and the fix, never a stack trace or a silent difference from Ansible.
import { expect, test } from "vitest";
import { renderTemplate, TemplateError } from "../../src/templates/render-template.js";

// Renders a one-line template and returns the message it fails with.
function failureOf(source: string, vars: Record<string, unknown> = {}): string {
  try {
    renderTemplate(source, vars, { name: "templates/app.conf.j2" });
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return (error as Error).message;
  }
  throw new Error(`${source} rendered without an error`);
}

test.each([
  [
    "{{ 'x' | regex_replace('(?x) a b', '') }}",
    `templates/app.conf.j2:1: regular expression "(?x) a b": the inline flag (?x) is not supported by infra-action (it cannot match exactly as Python's re does); rewrite the pattern without it`,
  ],
  [
    "{{ 'x' | regex_search('(?>a)') }}",
    `templates/app.conf.j2:1: regular expression "(?>a)": the group (?>a… is not supported by infra-action (it cannot match exactly as Python's re does); rewrite the pattern without it`,
  ],
  [
    "{{ 'x' | regex_findall('a*+') }}",
    `templates/app.conf.j2:1: regular expression "a*+": a possessive quantifier is not supported by infra-action (it cannot match exactly as Python's re does); rewrite the pattern without it`,
  ],
  [
    "{{ 'x' | regex_replace('(a)', '\\\\2') }}",
    `templates/app.conf.j2:1: invalid group reference 2 in the replacement "\\\\2"`,
  ],
  [
    "{{ 'x' | comment('lisp') }}",
    "templates/app.conf.j2:1: comment: unknown style 'lisp' (plain, erlang, c, cblock, xml)",
  ],
  ["{{ db_password | mandatory }}", "templates/app.conf.j2:1: Mandatory variable 'db_password' not defined."],
  [
    "{{ db_password | mandatory('set db_password in host data') }}",
    "templates/app.conf.j2:1: set db_password in host data",
  ],
  [
    "{{ {} | to_nice_yaml(explicit_start=True) }}",
    "templates/app.conf.j2:1: to_nice_yaml: the argument 'explicit_start' is not supported by infra-action (indent, width, sort_keys, default_flow_style)",
  ],
  [
    "{{ '1.0' is version('1.0', '>=', version_type='pep440') }}",
    "templates/app.conf.j2:1: version_type 'pep440' is not supported by infra-action (loose, strict, semver)",
  ],
  [
    "{{ '1.0' is version('1.0', '=>') }}",
    "templates/app.conf.j2:1: Invalid operator type (=>). Must be one of '==', '=', 'eq', '<', 'lt', '<=', 'le', '>', 'gt', '>=', 'ge', '!=', '<>', 'ne'",
  ],
  [
    "{{ '1.0' is version('1.x', '>=', strict=True) }}",
    "templates/app.conf.j2:1: Version comparison failed: invalid version number '1.x'",
  ],
  [
    "{{ '1.0' is version('1.0.0', '>=', version_type='semver') }}",
    "templates/app.conf.j2:1: Version comparison failed: invalid semantic version '1.0'",
  ],
  ["{{ 'x' | hash('sha3_999') }}", "templates/app.conf.j2:1: unsupported hash type sha3_999"],
  [
    "{{ [1] | combine({'a': 1}) }}",
    "templates/app.conf.j2:1: failed to combine variables, expected dicts but got a 'int' and a 'dict'",
  ],
  ["{{ 'a: [' | from_yaml }}", /^templates\/app\.conf\.j2:1: from_yaml: the text is not valid YAML: /],
])("%s fails with a clear message", (source, message) => {
  if (typeof message === "string") expect(failureOf(source)).toBe(message);
  else expect(failureOf(source)).toMatch(message);
});
