// renderTemplate: Jinja2's output for values, syntax, scoping, filters and tests, and its errors named
// with template and line. The expected strings are what Jinja2 3.1 renders (jinja-parity.test.ts checks
// whole fixture files against Jinja2 itself).
import { describe, expect, test } from "vitest";
import { UserError } from "../../src/errors.js";
import { renderTemplate, TemplateError } from "../../src/templates/render-template.js";

const fixtures = "test/fixtures/templates";

// Renders a template source named `t.j2` that loads includes from the fixture directory.
function render(source: string, context: Record<string, unknown> = {}): string {
  return renderTemplate(source, context, { name: "t.j2", searchPath: fixtures });
}

// The message of the TemplateError a template raises.
function failure(source: string, context: Record<string, unknown> = {}): string {
  try {
    render(source, context);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(source)} to fail`);
}

const data = {
  name: "web-01",
  port: 8080,
  ratio: 0.25,
  on: true,
  off: false,
  nothing: null,
  ports: [80, 443],
  tags: ["b", "A", "c"],
  users: [
    { name: "alice", uid: 1001, admin: true },
    { name: "bob", uid: 1002, admin: false },
  ],
  settings: { b: 2, a: 1 },
};

describe("values print as Python prints them", () => {
  test.each([
    ["a string as is", "{{ name }}", "web-01"],
    ["an int", "{{ port }}", "8080"],
    [
      "a float, repr-style",
      "{{ ratio }} {{ 0.1 + 0.2 }} {{ 1e-5 }} {{ 1e16 }}",
      "0.25 0.30000000000000004 1e-05 1e+16",
    ],
    [
      "an integral float computed in the template",
      "{{ 4 / 2 }} {{ 1.0 }} {{ 2.5 | round }} {{ 3 | float }}",
      "2.0 1.0 2.0 3.0",
    ],
    ["booleans and None", "{{ on }} {{ off }} {{ nothing }} {{ none }} {{ True }}", "True False None None True"],
    ["a list with reprs of its items", "{{ ['a', 1, true, none, [2.5]] }}", "['a', 1, True, None, [2.5]]"],
    ["a dict in insertion order", "{{ settings }} {{ {} }}", "{'b': 2, 'a': 1} {}"],
    ["tuples", "{{ (1, 2) }} {{ (1,) }} {{ () }}", "(1, 2) (1,) ()"],
    ["quotes in a str repr", `{{ ["it's", 'say "hi"'] }}`, `["it's", 'say "hi"']`],
    [
      "dict views",
      "{{ settings.keys() }} {{ settings.items() }}",
      "dict_keys(['b', 'a']) dict_items([('b', 2), ('a', 1)])",
    ],
    ["a range", "{{ range(3) }} {{ range(3) | list }}", "range(0, 3) [0, 1, 2]"],
    ["concatenation with ~ uses str()", "{{ 'p' ~ 80 ~ on ~ nothing }}", "p80TrueNone"],
    [
      "Python arithmetic",
      "{{ 7 // 2 }} {{ -7 // 2 }} {{ -7 % 3 }} {{ 2 ** 10 }} {{ '-' * 3 }} {{ [1] + [2] }}",
      "3 -4 2 1024 --- [1, 2]",
    ],
    ["printf-style %", "{{ '%s:%05.1f|%-4s|' % ('x', 3.14159, 'ab') }}", "x:003.1|ab  |"],
    ["str.format", "{{ '{}-{:>4}-{:.2f}'.format('a', 'b', 2.5) }}", "a-   b-2.50"],
    ["Python's == across int, float and bool", "{{ 1 == 1.0 }} {{ on == 1 }} {{ '1' == 1 }}", "True True False"],
  ])("%s", (_, source, expected) => {
    expect(render(source, data)).toBe(expected);
  });
});

describe("syntax", () => {
  test.each([
    ["a trailing newline is kept", "{{ name }}\n", "web-01\n"],
    ["whitespace control on tags", "a\n  {%- if on -%}\n  b\n  {%- endif %}\nc", "ab\nc"],
    ["whitespace control on output", "x  {{- name -}}  y", "xweb-01y"],
    ["comments vanish", "a{# note #}b{#- trimmed -#}  c", "abc"],
    ["raw blocks", "{% raw %}{{ not_rendered }}{% endraw %}", "{{ not_rendered }}"],
    ["`#}` outside a comment is text", "a #} b", "a #} b"],
    ["`}}` inside a dict literal", "{{ {'a': {'b': 1}} }}", "{'a': {'b': 1}}"],
    ["\\r\\n newlines become \\n", "a\r\nb\rc", "a\nb\nc"],
    ["if / elif / else", "{% if off %}1{% elif nothing %}2{% else %}3{% endif %}", "3"],
    ["inline if, chained, and without else", "{{ 'a' if off else 'b' if on }}|{{ 'x' if off }}|", "b||"],
    ["tests bind tighter than arithmetic", "{{ 1 + 2 is odd }}", "1"],
    ["a test with a bare argument", "{{ 9 is divisibleby 3 }} {{ 3 is not eq 3 }}", "True False"],
    ["in and not in", "{{ 80 in ports }} {{ 'x' not in name }}", "True True"],
    [
      "attributes, items, negative indexes and slices",
      "{{ users[0].name }} {{ users.1['name'] }} {{ ports[-1] }} {{ name[:3] }} {{ ports[::-1] }}",
      "alice bob 443 web [443, 80]",
    ],
    ["Python string escapes", String.raw`{{ 'a\tb\x41\u00e9\d' }}`, "a\tbAé\\d"],
    ["adjacent string literals join", `{{ 'a' "b" }}`, "ab"],
    [
      "string methods",
      "{{ name.upper() }} {{ 'a b  c'.split() }} {{ name.replace('-', '_') }}",
      "WEB-01 ['a', 'b', 'c'] web_01",
    ],
    [
      "dict methods",
      "{{ settings.get('a') }} {{ settings.get('z', 0) }} {% for k, v in settings.items() %}{{ k }}{{ v }}{% endfor %}",
      "1 0 b2a1",
    ],
    ["with blocks", "{% with x = port + 1 %}{{ x }}{% endwith %}", "8081"],
    ["a block set", "{% set block %}[{{ name }}]{% endset %}{{ block }}", "[web-01]"],
  ])("%s", (_, source, expected) => {
    expect(render(source, data)).toBe(expected);
  });
});

describe("loops and scoping", () => {
  test.each([
    [
      "the loop variable",
      "{% for u in users %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }} {% endfor %}",
      "1021TrueFalse2 2110FalseTrue2 ",
    ],
    [
      "loop.cycle, previtem, nextitem",
      "{% for p in ports %}{{ loop.cycle('odd', 'even') }}{{ loop.previtem is defined }}{{ loop.nextitem | default('-') }} {% endfor %}",
      "oddFalse443 evenTrue- ",
    ],
    [
      "a filtered loop counts the kept items",
      "{% for u in users if u.admin %}{{ u.name }} {{ loop.length }}{% endfor %}",
      "alice 1",
    ],
    ["else runs for an empty loop", "{% for x in [] %}x{% else %}empty{% endfor %}", "empty"],
    ["unpacking pairs", "{% for k, v in [('a', 1), ('b', 2)] %}{{ k }}={{ v }};{% endfor %}", "a=1;b=2;"],
    ["a dict iterates over its keys", "{% for k in settings %}{{ k }}{% endfor %}", "ba"],
    ["a str iterates over its characters", "{% for c in 'héllo' %}{{ c }}.{% endfor %}", "h.é.l.l.o."],
    [
      "a set inside a loop stays inside it",
      "{% set n = 0 %}{% for p in ports %}{% set n = n + 1 %}{% endfor %}{{ n }}",
      "0",
    ],
    [
      "namespace carries values out of a loop",
      "{% set ns = namespace(n=0) %}{% for p in ports %}{% set ns.n = ns.n + p %}{% endfor %}{{ ns.n }}",
      "523",
    ],
    ["a set inside an if is visible after it", "{% if on %}{% set x = 1 %}{% endif %}{{ x }}", "1"],
    [
      "an empty list and dict are false",
      "{{ 'y' if [] else 'n' }}{{ 'y' if {} else 'n' }}{{ 'y' if ports else 'n' }}",
      "nny",
    ],
    ["or and and return an operand", "{{ nothing or 'default' }} {{ ports and ports[0] }}", "default 80"],
  ])("%s", (_, source, expected) => {
    expect(render(source, data)).toBe(expected);
  });
});

describe("undefined values (StrictUndefined)", () => {
  test.each([
    [
      "is defined / is not defined",
      "{{ missing is defined }} {{ missing is not defined }} {{ settings.z is defined }}",
      "False True False",
    ],
    ["default replaces an undefined value", "{{ missing | default('d') }} {{ settings.z | d(0) }}", "d 0"],
    [
      "default with boolean=true replaces falsy values",
      "{{ '' | default('d', true) }} {{ nothing | default('d') }}",
      "d None",
    ],
    ["an undefined value prints as Undefined inside a list repr", "{{ [missing] }}", "[Undefined]"],
  ])("%s", (_, source, expected) => {
    expect(render(source, data)).toBe(expected);
  });
});

describe("filters", () => {
  test.each([
    ["join with an attribute", "{{ users | join(', ', attribute='name') }}", "alice, bob"],
    ["int and float", "{{ '42' | int }} {{ '4.7' | int }} {{ 'x' | int(-1) }} {{ '2.5' | float }}", "42 4 -1 2.5"],
    [
      "round: half to even, precision, methods",
      "{{ 2.5 | round }} {{ 3.5 | round }} {{ 2.675 | round(2) }} {{ 3.14159 | round(1, 'ceil') }} {{ 42 | round }}",
      "2.0 4.0 2.67 3.2 42",
    ],
    [
      "sort is case-insensitive by default",
      "{{ tags | sort }} {{ tags | sort(case_sensitive=true) }} {{ users | sort(attribute='uid', reverse=true) | map(attribute='name') | join }}",
      "['A', 'b', 'c'] ['A', 'b', 'c'] bobalice",
    ],
    ["dictsort", "{{ settings | dictsort }}", "[('a', 1), ('b', 2)]"],
    ["unique, min, max", "{{ ['a', 'A', 'b'] | unique | list }} {{ tags | min }} {{ tags | max }}", "['a', 'b'] A c"],
    [
      "indent (Jinja2 3.x: width, first, blank)",
      "{{ 'a\\nb\\n\\nc' | indent(2) }}|{{ 'a\\n\\nb' | indent(2, true, true) }}",
      "a\n  b\n\n  c|  a\n  \n  b",
    ],
    [
      "tojson: sorted keys, HTML-safe",
      "{{ {'b': '<&>', 'a': 1.0} | tojson }}",
      '{"a": 1.0, "b": "\\u003c\\u0026\\u003e"}',
    ],
    ["tojson with indent", "{{ [1, {'k': none}] | tojson(indent=2) }}", '[\n  1,\n  {\n    "k": null\n  }\n]'],
    [
      "selectattr, rejectattr with tests",
      "{{ users | selectattr('admin') | map(attribute='name') | list }} {{ users | rejectattr('uid', 'lt', 1002) | map(attribute='name') | list }}",
      "['alice'] ['bob']",
    ],
    [
      "select, reject, map by filter name",
      "{{ [1, 2, 3, 4] | select('odd') | list }} {{ [1, 2, 3] | reject('eq', 2) | list }} {{ ports | map('string') | join('+') }}",
      "[1, 3] [1, 3] 80+443",
    ],
    [
      "sum, length, first, last",
      "{{ ports | sum }} {{ users | sum(attribute='uid') }} {{ ports | length }} {{ ports | first }} {{ ports | last }}",
      "523 2003 2 80 443",
    ],
    [
      "batch and slice",
      "{{ [1, 2, 3] | batch(2, 0) | list }} {{ [1, 2, 3] | slice(2) | list }}",
      "[[1, 2], [3, 0]] [[1, 2], [3]]",
    ],
    [
      "string filters",
      "{{ 'hello world' | title }} {{ 'x' | center(5) }}| {{ '  t  ' | trim }} {{ 'aaa' | replace('a', 'b', 2) }} {{ 'ab' | upper | lower | capitalize }}",
      "Hello World   x  | t bba Ab",
    ],
    [
      "truncate and wordwrap",
      "{{ 'one two three four' | truncate(9, leeway=0) }} {{ 'one two three' | wordwrap(7) }}",
      "one... one two\nthree",
    ],
    [
      "wordcount, format, string",
      "{{ 'a b, c' | wordcount }} {{ '%s=%d' | format('x', 4.9) }} {{ [1] | string }}",
      "3 x=4 [1]",
    ],
    ["escape and safe", "{{ '<a href=\"x\">' | e }} {{ '<b>' | safe | e }}", "&lt;a href=&#34;x&#34;&gt; <b>"],
    ["items and batch in a loop", "{% for k, v in settings | items %}{{ k }}{{ v }}{% endfor %}", "b2a1"],
    ["a filter block", "{% filter upper %}abc{% endfilter %}", "ABC"],
  ])("%s", (_, source, expected) => {
    expect(render(source, data)).toBe(expected);
  });
});

describe("tests", () => {
  test.each([
    [
      "none, string, number",
      "{{ nothing is none }} {{ name is string }} {{ port is number }} {{ on is number }}",
      "True True True True",
    ],
    ["divisibleby, even, odd", "{{ 10 is divisibleby(5) }} {{ 4 is even }} {{ 4 is odd }}", "True True False"],
    [
      "equalto, eq, sameas",
      "{{ port is equalto 8080 }} {{ 'a' is eq 'a' }} {{ on is sameas true }} {{ 1 is sameas true }}",
      "True True True False",
    ],
    [
      "iterable, mapping, sequence",
      "{{ ports is iterable }} {{ 5 is iterable }} {{ settings is mapping }} {{ ports is mapping }}",
      "True False True False",
    ],
    [
      "true, false, boolean, integer, float",
      "{{ on is true }} {{ off is false }} {{ 1 is boolean }} {{ 1 is integer }} {{ 1.5 is float }}",
      "True True False True True",
    ],
  ])("%s", (_, source, expected) => {
    expect(render(source, data)).toBe(expected);
  });
});

describe("macros, includes, imports, inheritance", () => {
  test.each([
    [
      "a macro with defaults and keyword arguments",
      "{% macro kv(k, v='-', sep='=') %}{{ k }}{{ sep }}{{ v }}{% endmacro %}{{ kv('a') }} {{ kv('b', 2, sep=': ') }}",
      "a=- b: 2",
    ],
    ["a call block", "{% macro box() %}[{{ caller() }}]{% endmacro %}{% call box() %}in{% endcall %}", "[in]"],
    [
      "an include sees the variables in scope",
      "{% for upstream in [{'name': 'u', 'servers': [{'host': 'h'}]}] %}{% include 'partials/upstream.j2' %}{% endfor %}",
      "upstream u { h }\n",
    ],
    ["an include of a missing template with ignore missing", "a{% include 'nope.j2' ignore missing %}b", "ab"],
    [
      "the first existing template of a list",
      "{% include ['nope.j2', 'partials/upstream.j2'] %}",
      "upstream app { 10.0.1.10 }\n",
    ],
    ["an imported macro", "{% from 'partials/macros.j2' import kv %}{{ kv('k', 'v', quote=true) }}", 'k = "v"'],
    [
      "a child template fills its parent's blocks",
      "{% extends 'partials/base.conf.j2' %}{% block header %}# child{% endblock %}{% block settings %}{{ super() }}\n    extra = 2{% endblock %}",
      "# base for web-01.example.com\n# child\nsettings {\n    default = 1\n    extra = 2\n}\n# base footer\n",
    ],
  ])("%s", (_, source, expected) => {
    const context = {
      ...data,
      hostname: "web-01.example.com",
      upstream: { name: "app", servers: [{ host: "10.0.1.10" }] },
    };
    expect(render(source, context)).toBe(expected);
  });

  test("the search path defaults to the template's own directory", () => {
    const output = renderTemplate("{% include 'partials/static.j2' %}", {}, { name: `${fixtures}/page.j2` });
    expect(output).toBe("# static partial, rendered without context\n");
  });
});

const hint = "Pass it as an argument of files.template or set it in host data.";

describe("errors name the template and line", () => {
  test.each([
    ["an undefined variable", "a\n{{ workers }}", `t.j2:2: 'workers' is undefined. ${hint}`],
    ["an undefined variable in a condition", "{% if workers %}{% endif %}", `t.j2:1: 'workers' is undefined. ${hint}`],
    [
      "an undefined variable in a loop",
      "{% for w in workers %}{% endfor %}",
      `t.j2:1: 'workers' is undefined. ${hint}`,
    ],
    ["an undefined variable through a filter", "{{ workers | upper }}", `t.j2:1: 'workers' is undefined. ${hint}`],
    ["a missing dict key", "\n\n{{ settings.port }}", "t.j2:3: 'dict object' has no attribute 'port'"],
    ["a missing list element", "{{ ports[5] }}", "t.j2:1: list object has no element 5"],
    ["an attribute of None", "{{ nothing.x }}", "t.j2:1: 'None' has no attribute 'x'"],
    ["the loop variable outside a loop", "{{ loop.index }}", `t.j2:1: 'loop' is undefined. ${hint}`],
    [
      "a macro parameter not passed",
      "{% macro m(a) %}{{ a }}{% endmacro %}{{ m() }}",
      "t.j2:1: parameter 'a' was not provided",
    ],
    ["a Python TypeError", "{{ port + 'x' }}", "t.j2:1: unsupported operand type(s) for +: 'int' and 'str'"],
    [
      "Jinja2's precedence: ~ binds tighter than -",
      "{{ 2 - 1 ~ 1 }}",
      "t.j2:1: unsupported operand type(s) for -: 'int' and 'str'",
    ],
    ["a Python ZeroDivisionError", "{{ port / 0 }}", "t.j2:1: division by zero"],
    [
      "sorting values Python cannot order",
      "{{ [1, 'a'] | sort }}",
      "t.j2:1: '<' not supported between instances of 'str' and 'int'",
    ],
    ["an empty sequence's first item", "{{ [] | first }}", "t.j2:1: No first item, sequence was empty."],
    [
      "a filter's unexpected argument",
      "{{ 'x' | indent(nope=1) }}",
      "t.j2:1: indent() got an unexpected keyword argument 'nope'",
    ],
    ["a syntax error", "a\nb\n{{ 1 + }}", "t.j2:3: syntax error: unexpected token: }}"],
    ["an unknown tag", "{% endif %}", "t.j2:1: syntax error: unknown block tag: endif"],
    [
      "an unclosed block",
      "{% for x in ports %}\nx",
      "t.j2:2: syntax error: unexpected end of template, expected {% endfor %} or {% else %}",
    ],
    ["an unknown filter", "\n{{ x | nope }}", "t.j2:2: syntax error: no filter named 'nope'"],
    [
      "a positional argument after *args",
      "{{ '{0}'.format(*ports, 1) }}",
      "t.j2:1: syntax error: invalid syntax for function call expression",
    ],
    [
      "a keyword argument after **kwargs",
      "{{ '{a}'.format(**settings, a=1) }}",
      "t.j2:1: syntax error: invalid syntax for function call expression",
    ],
    ["*args of a non-iterable", "{{ '{0}'.format(*port) }}", "t.j2:1: Value after * must be an iterable, not int"],
    [
      "**kwargs of a non-mapping",
      "{{ '{0}'.format(**ports) }}",
      "t.j2:1: argument after ** must be a mapping, not list",
    ],
    ["**kwargs of an undefined value", "{{ '{0}'.format(**nope) }}", `t.j2:1: 'nope' is undefined. ${hint}`],
    [
      "a keyword argument given twice",
      "{{ '{a}'.format(a=1, **settings) }}",
      "t.j2:1: got multiple values for keyword argument 'a'",
    ],
    [
      "*args in a macro's parameters",
      "{% macro m(*a) %}{% endmacro %}",
      "t.j2:1: syntax error: expected a parameter name, got '*'",
    ],
    ["an unknown test", "{{ x is nope }}", "t.j2:1: syntax error: no test named 'nope'"],
    ["a missing include", "\n{% include 'nope.j2' %}", `t.j2:2: template 'nope.j2' not found in ${fixtures}`],
    [
      "an error inside an included template names that template",
      "{% include 'partials/footer.j2' %}",
      `${fixtures}/partials/footer.j2:1: 'hostname' is undefined. ${hint}`,
    ],
  ])("%s", (_, source, expected) => {
    expect(failure(source, data)).toBe(expected);
  });

  test("a TemplateError is a UserError carrying the template and line", () => {
    let caught: unknown;
    try {
      renderTemplate("ok\n{{ nope }}", {}, { name: "templates/nginx.conf.j2" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect(caught).toMatchObject({ name: "TemplateError", template: "templates/nginx.conf.j2", line: 2 });
    expect((caught as Error).message).toBe(`templates/nginx.conf.j2:2: 'nope' is undefined. ${hint}`);
  });
});

describe("known limits", () => {
  // JavaScript has one number type: an integral float in the data (Python 1.0) is an int here. Floats the
  // template computes keep their type.
  test("an integral float from data prints as an int", () => {
    expect(render("{{ x }} {{ x * 1.0 }}", { x: 1.0 })).toBe("1 1.0");
  });
});
