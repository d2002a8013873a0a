// Jinja2 features real role templates use that the dialect lacked, each found by rendering public Ansible
// roles' templates against ansible-core (test/fixtures/ansible/roles/SOURCES.md). The expected strings are
// what Jinja2 3.1 renders.
import { describe, expect, test } from "vitest";
import { renderTemplate, TemplateError } from "../../src/templates/render-template.js";

// Renders a template source named `t.j2`.
function render(source: string, context: Record<string, unknown> = {}): string {
  return renderTemplate(source, context, { name: "t.j2" });
}

const tree = [
  { name: "a", children: [{ name: "b", children: [{ name: "c" }] }, { name: "d" }] },
  { name: "e", children: [] },
];

describe("recursive for loops: loop(children) renders the body again, one level deeper", () => {
  test.each([
    [
      "a tree, depth first",
      "{% for n in tree recursive %}{{ n.name }}{% if n.children | default([]) %}[{{ loop(n.children) }}]{% endif %}{% endfor %}",
      { tree },
      "a[b[c]d]e",
    ],
    [
      "loop.depth and depth0 per level, index and length per call",
      "{% for n in tree recursive %}{{ loop.depth }}{{ loop.depth0 }}{{ n.name }}{{ loop.index }}/{{ loop.length }} {% if n.children is defined %}{{ loop(n.children) }}{% endif %}{% endfor %}",
      { tree },
      "10a1/2 21b1/2 32c1/1 21d2/2 10e2/2 ",
    ],
    [
      "the loop's if filters every level, else runs for an empty level",
      "{% for n in tree if n.name != 'd' recursive %}{{ n.name }}{{ loop(n.children | default([])) }}{% else %}-{% endfor %}",
      { tree },
      "abc-e-",
    ],
    [
      "a dict tree through dictsort",
      "{% for k, v in d | dictsort recursive %}{{ k }}={% if v is mapping %}({{ loop(v | dictsort) }}){% else %}{{ v }}{% endif %}{{ ',' if not loop.last }}{% endfor %}",
      { d: { b: { y: 2, x: { z: 1 } }, a: 0 } },
      "a=0,b=(x=(z=1),y=2)",
    ],
    [
      "set inside the body is per level; outer variables are seen",
      "{% set prefix = '>' %}{% for n in tree recursive %}{% set mark = prefix * loop.depth %}{{ mark }}{{ n.name }}\n{{ loop(n.children | default([])) }}{% endfor %}",
      { tree },
      ">a\n>>b\n>>>c\n>>d\n>e\n",
    ],
    [
      "inside a macro",
      "{% macro m(t) %}{% for n in t recursive %}<{{ n.name }}{{ loop(n.children|default([])) }}>{% endfor %}{% endmacro %}{{ m(tree) }}",
      { tree },
      "<a<b<c>><d>><e>",
    ],
    [
      "nested lists",
      "{% for n in [[1,[2]],3] recursive %}{% if n is iterable %}{{ loop(n) }}{% else %}{{ n }}{% endif %}{% endfor %}",
      {},
      "123",
    ],
    [
      "an inner loop shadows loop, the recursive call still works",
      "{% for n in tree recursive %}{{ n.name }}{% for c in n.children | default([]) %}({{ loop.index }}){% endfor %}{{ loop(n.children | default([])) }}{% endfor %}",
      { tree },
      "a(1)(2)b(1)cde",
    ],
    [
      "previtem and cycle",
      "{% for n in [1, 2] recursive %}{{ loop.previtem | default('^') }}{{ n }}{{ loop.cycle('a', 'b') }}{% endfor %}",
      {},
      "^1a12b",
    ],
  ] as [string, string, Record<string, unknown>, string][])("%s", (_name, source, context, expected) => {
    expect(render(source, context)).toBe(expected);
  });

  test("calling the loop of a loop without `recursive` is Jinja2's TypeError", () => {
    expect(() => render("{% for x in [1] %}{{ loop([2]) }}{% endfor %}")).toThrow(TemplateError);
    expect(() => render("{% for x in [1] %}{{ loop([2]) }}{% endfor %}")).toThrow(
      "t.j2:1: The loop must have the 'recursive' marker to be called recursively.",
    );
  });
});

describe("filters on a {% set %} block and chained filters on a {% filter %} block", () => {
  test.each([
    ["{% set y | upper %}lo{{ s }}{% endset %}{{ y }}", { s: "x" }, "LOX"],
    ["{% set y | replace('a', 'b') | upper | center(7) %}a{{ s }}a{% endset %}[{{ y }}]", { s: "x" }, "[  BXB  ]"],
    ["{% set ns = namespace(v='') %}{% set ns.v | trim %}  v  {% endset %}[{{ ns.v }}]", {}, "[v]"],
    ["{% set ns = namespace(v='') %}{% set ns.v %}x{% endset %}[{{ ns.v }}]", {}, "[x]"],
    [
      "{% for x in [1, 2] %}{% set line | indent(2, true) %}{{ x }}\n{{ x * 2 }}{% endset %}{{ line }}|{% endfor %}",
      {},
      "  1\n  2|  2\n  4|",
    ],
    ["{% filter replace('a', 'b') | upper %}aaa{% endfilter %}", {}, "BBB"],
    ["{% filter indent(2, true) | replace('x', 'y') %}x\nx{% endfilter %}", {}, "  y\n  y"],
    ["{% filter upper %}a{% filter lower %}B{% endfilter %}c{% endfilter %}", {}, "ABC"],
  ] as [string, Record<string, unknown>, string][])("%s", (source, context, expected) => {
    expect(render(source, context)).toBe(expected);
  });
});

describe("Ansible's filters and tests by their full names (ansible.builtin.x, ansible.legacy.x)", () => {
  const values = { l: [1, [2, 3]], d: { a: 1 }, s: "x", v: "1.2.3", vs: ["1.0", "2.1"] };
  test.each([
    [
      "{{ d | ansible.builtin.to_json }} {{ 'yes' | ansible.builtin.bool }} {{ l | ansible.builtin.flatten }} {{ s | ansible.legacy.b64encode }} {{ d | ansible.builtin.dict2items | ansible.builtin.items2dict }}",
      `{"a": 1} True [1, 2, 3] eA== {'a': 1}`,
    ],
    [
      "{{ v is ansible.builtin.version('1.2', '>') }} {{ v is not ansible.builtin.version('1.2', '>') }} {{ v is ansible.legacy.version('1.2', '>') }} {{ 'abc' is ansible.builtin.match('a') }}",
      "True False True True",
    ],
    [
      "{{ vs | select('ansible.builtin.version', '2.0', '>=') | list }} {{ vs | map('ansible.builtin.b64encode') | list }} {{ d | ansible.builtin.combine({'b': 2}) }}",
      "['2.1'] ['MS4w', 'Mi4x'] {'a': 1, 'b': 2}",
    ],
  ])("%s", (source, expected) => {
    expect(render(source, values)).toBe(expected);
  });

  test("an unknown full name is an unknown filter", () => {
    expect(() => render("{{ d | ansible.builtin.nosuch }}", values)).toThrow(
      "t.j2:1: syntax error: no filter named 'ansible.builtin.nosuch'",
    );
  });
});

describe("a macro's varargs and kwargs: the extra arguments, when its body uses them", () => {
  test.each([
    [
      "{% macro m(a, b=2) -%}{{ a }}{{ b }}{{ varargs }}{{ kwargs }}{%- endmacro %}{{ m(1) }} {{ m(1, 3, 4, z=5) }} {{ m(b=7, a=0, y='x') }}",
      "12(){} 13(4,){'z': 5} 07(){'y': 'x'}",
    ],
    [
      "{% macro row() %}{{ varargs | join('|') }};{% for k, v in kwargs | dictsort %}{{ k }}={{ v }} {% endfor %}{% endmacro %}{{ row('a', 'b', 1, x=1, w=2) }}",
      "a|b|1;w=2 x=1 ",
    ],
  ])("%s", (source, expected) => {
    expect(render(source)).toBe(expected);
  });

  test.each([
    ["{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, 2) }}", "t.j2:1: macro 'm' takes not more than 1 argument(s)"],
    ["{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, z=2) }}", "t.j2:1: macro 'm' takes no keyword argument 'z'"],
    ["{% macro m(a) %}{{ varargs }}{% endmacro %}{{ m(1, z=2) }}", "t.j2:1: macro 'm' takes no keyword argument 'z'"],
  ])("%s is Jinja2's TypeError", (source, message) => {
    expect(() => render(source)).toThrow(message);
  });
});

describe("scoped blocks", () => {
  test.each([
    ["{% for x in [1, 2] %}{% block item scoped %}[{{ x }}]{% endblock item %}{% endfor %}", "[1][2]"],
    ["{% set n = 3 %}{% block a scoped %}{{ n }}{% endblock %}", "3"],
  ])("%s", (source, expected) => {
    expect(render(source)).toBe(expected);
  });
});
