// Ansible's `#jinja2:` first line, as infra-action reads it with the ansible preset (the parity suite's
// filters/override-line.conf.j2 checks the output against Ansible): a line it cannot read is an error
// naming the template, and without the preset the line is plain template text, as in Jinja2.
import { expect, test } from "vitest";
import { renderTemplate } from "../../src/templates/render-template.js";

const render = (source: string, ansible = true) =>
  renderTemplate(source, {}, { name: "roles/x/templates/app.conf.j2", jinja: { ansible } });

test("the line sets the settings and is not printed", () => {
  expect(render("#jinja2: lstrip_blocks: True\n  {% if true %}\nx\n  {% endif %}\n")).toBe("x\n");
});

test.each([
  ["#jinja2: trim_blocks True\nx\n", "app.conf.j2:1: failed to parse the #jinja2: line at 'trim_blocks True'"],
  ["#jinja2: variable_start_string: '[['\nx\n", "sets variable_start_string, which infra-action does not support"],
  ["#jinja2: trim_blocks: yes\nx\n", "gives trim_blocks the value yes; write True or False"],
])("%j is refused: %s", (source, message) => {
  expect(() => render(source)).toThrow(message);
});

test("without the ansible preset the line is text, as Jinja2 prints it", () => {
  expect(render("#jinja2: trim_blocks: True\nx\n", false)).toBe("#jinja2: trim_blocks: True\nx\n");
});
