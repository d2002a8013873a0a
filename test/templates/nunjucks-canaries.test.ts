// One canary per touch point on nunjucks' private internals (the table in src/templates/nunjucks-internals.ts):
// when a nunjucks upgrade renames, reshapes or changes the behaviour of one, its canary fails with a
// message naming the touch point, before the parity tests fail in some less telling way.
import transformer from "nunjucks/src/transformer.js";
import { describe, expect, test } from "vitest";
import { filters } from "../../src/templates/filters.js";
import { findJinjaError, JinjaRuntimeError } from "../../src/templates/jinja-errors.js";
import { createGlobals } from "../../src/templates/jinja-globals.js";
import { createJinjaRuntime } from "../../src/templates/jinja-runtime.js";
import {
  type AstNode,
  type CompilerBase,
  internals,
  type ListNode,
  type NodeClasses,
  type ParserBase,
  type RuntimeContext,
  type TokenStream,
  tokenType,
} from "../../src/templates/nunjucks-internals.js";
import { tests } from "../../src/templates/tests.js";
import {
  compileWithDialect,
  describeTouchPoint,
  findArityProblems,
  findMembersUsed,
  type MethodNames,
} from "./nunjucks-canary-support.js";

const { lexer, nodes, parser, compiler, runtime } = internals;

// Every token read from a stream, as [type, value].
function readTokens(stream: TokenStream): [string, string][] {
  const read: [string, string][] = [];
  for (let token = stream.nextToken(), i = 0; token && i < 1000; token = stream.nextToken(), i++)
    read.push([token.type, token.value]);
  return read;
}

// The arities nunjucks 3.2.4 declares (Function.length) for each method nunjucks-types.ts types: a method
// added there without a row here, or a row without a method there, does not compile.
const parserArities = {
  nextToken: 1,
  peekToken: 0,
  skip: 1,
  skipValue: 2,
  skipSymbol: 1,
  expect: 1,
  fail: 3,
  advanceAfterBlockEnd: 1,
  parseUntilBlocks: 0,
  parseExpression: 0,
  parseInlineIf: 0,
  parseOr: 0,
  parseCompare: 0,
  parseIs: 0,
  parseConcat: 0,
  parsePow: 0,
  parseFilter: 1,
  parseFilterName: 0,
  parsePrimary: 1,
  parsePostfix: 1,
  parseAggregate: 0,
  parseSignature: 2,
  parseStatement: 0,
  parseFor: 0,
  parseSet: 0,
  parseInclude: 0,
  parseAsRoot: 0,
} as const satisfies Record<MethodNames<ParserBase>, number>;

const compileMethods = [
  "compileGroup",
  "compileDict",
  "compileKeywordArgs",
  "compileInlineIf",
  "compileIn",
  "compileIs",
  "compileOr",
  "compileAnd",
  "compileNot",
  "compileAdd",
  "compileSub",
  "compileMul",
  "compileDiv",
  "compileFloorDiv",
  "compileMod",
  "compilePow",
  "compileConcat",
  "compileNeg",
  "compilePos",
  "compileCompare",
  "compileLookupVal",
  "compileFunCall",
  "compileFilter",
  "compileOutput",
  "compileSet",
  "compileFor",
  "compileInclude",
  "compileRoot",
  "compileExtends",
  "compileCapture",
] as const;

const compilerArities = {
  ...(Object.fromEntries(compileMethods.map((name) => [name, 2])) as Record<(typeof compileMethods)[number], 2>),
  compileIf: 3,
  compileLiteral: 1,
  compileSymbol: 2,
  fail: 3,
  compile: 2,
  getCode: 0,
  assertType: 1,
  _emit: 1,
  _emitLine: 1,
  _emitFuncBegin: 2,
  _emitFuncEnd: 1,
  _tmpid: 0,
  _closeScopeLevels: 0,
  _withScopedSyntax: 1,
  _compileMacro: 2,
  _getNodeName: 1,
} as const satisfies Record<MethodNames<CompilerBase>, number>;

const tokenStreamArities = {
  current: 0,
  forward: 0,
  back: 0,
  isFinished: 0,
  nextToken: 0,
  _parseString: 1,
  _matches: 1,
  _extractString: 1,
} as const satisfies Record<MethodNames<TokenStream>, number>;

// The fields each node class takes after (lineno, colno), in order.
const nodeFields = {
  NodeList: ["children"],
  Literal: ["value"],
  Symbol: ["value"],
  TemplateData: ["value"],
  Group: ["children"],
  Array: ["children"],
  Dict: ["children"],
  KeywordArgs: ["children"],
  Pair: ["key", "value"],
  LookupVal: ["target", "val"],
  FunCall: ["name", "args"],
  Filter: ["name", "args"],
  Is: ["left", "right"],
  InlineIf: ["cond", "body", "else_"],
  Add: ["left", "right"],
  Sub: ["left", "right"],
  Mul: ["left", "right"],
  Div: ["left", "right"],
  FloorDiv: ["left", "right"],
  Mod: ["left", "right"],
  Concat: ["left", "right"],
  For: ["arr", "name", "body", "else_"],
  Set: ["targets", "value"],
  Include: ["template", "ignoreMissing"],
  Capture: ["body"],
  Block: ["name", "body"],
  Output: ["children"],
  Not: ["target"],
} as const satisfies Record<Exclude<keyof NodeClasses, "Node">, readonly string[]>;

// A template that reaches every statement and expression the dialect or nunjucks compiles.
const everything = [
  '{% extends "base.j2" %}{% import "m.j2" as m %}{% from "m.j2" import x as y %}',
  "{% macro greet(name, punct='!') %}{{ name ~ punct }}{% endmacro %}{{ greet(*[1], **{'punct': '?'}) }}",
  "{% block body %}{{ super() }}{% set a, b = 1, 2.0 %}{% set c %}{{ a }}{% endset %}",
  '{% for k, v in {"x": [1, 2][0:1]}.items() if v %}{{ loop.index }}{% else %}none{% endfor %}',
  "{% if a is defined and not b or c in [a] %}{{ a|upper if a > 1 < 2 else -b // 2 % 3 ** +a }}{% endif %}",
  '{% with q = greet("w") %}{{ q.x }}{% endwith %}{% include "i.j2" ignore missing without context %}',
  '{% call greet("x") %}c{% endcall %}{% raw %}{{ r }}{% endraw %}{% endblock %}',
].join("");

describe("nunjucks canaries", () => {
  test("findArityProblems names a renamed or reshaped method (the canaries fail loudly)", () => {
    const renamed = { compileGroup2: (_a: unknown, _b: unknown) => undefined, compileDict: (_a: unknown) => undefined };
    expect(findArityProblems("Compiler.prototype", renamed, { compileGroup: 2, compileDict: 2 })).toEqual([
      "Compiler.prototype.compileGroup is undefined, not a function",
      "Compiler.prototype.compileDict takes 1 parameters, not 2",
    ]);
    expect(describeTouchPoint("compiler.Compiler")).toContain('nunjucks touch point "compiler.Compiler" changed');
  });

  test("lexer.lex(src, opts): a Tokenizer", () => {
    const stream = lexer.lex("a {{ b }}", {});
    expect(readTokens(stream), describeTouchPoint("lexer.lex(src, opts): a Tokenizer")).toEqual([
      ["data", "a "],
      ["variable-start", "{{"],
      ["whitespace", " "],
      ["symbol", "b"],
      ["whitespace", " "],
      ["variable-end", "}}"],
    ]);
  });

  test("lexer.TOKEN_* names", () => {
    const names = "STRING FLOAT INT SYMBOL BOOLEAN NONE OPERATOR COMMA COLON PIPE TILDE BLOCK_END VARIABLE_END";
    const brackets = "LEFT_PAREN RIGHT_PAREN LEFT_BRACKET RIGHT_BRACKET LEFT_CURLY RIGHT_CURLY";
    const types = `${names} ${brackets}`.split(" ").map((name) => lexer[`TOKEN_${name}`]);
    expect(
      types.every((type) => typeof type === "string") && new Set(types).size === types.length,
      describeTouchPoint("lexer.TOKEN_* names"),
    ).toBe(true);
    expect(tokenType("VARIABLE_END")).toBe("variable-end");
  });

  test("Tokenizer str index lineno colno in_code", () => {
    const stream = lexer.lex("a\n{{ b }}", {});
    const message = describeTouchPoint("Tokenizer str index lineno colno in_code");
    expect({ str: stream.str, index: stream.index, lineno: stream.lineno, colno: stream.colno }, message).toEqual({
      str: "a\n{{ b }}",
      index: 0,
      lineno: 0,
      colno: 0,
    });
    stream.nextToken();
    stream.nextToken();
    expect(
      { index: stream.index, lineno: stream.lineno, colno: stream.colno, in_code: stream.in_code },
      message,
    ).toEqual({
      index: 4,
      lineno: 1,
      colno: 2,
      in_code: true,
    });
  });

  test("Tokenizer current forward back isFinished", () => {
    const stream = lexer.lex("ab", {});
    const message = describeTouchPoint("Tokenizer current forward back isFinished");
    expect(findArityProblems("Tokenizer", stream, tokenStreamArities), message).toEqual([]);
    stream.forward();
    const seen = [stream.current(), stream.isFinished()];
    stream.forward();
    seen.push(stream.isFinished());
    stream.back();
    seen.push(stream.current());
    expect(seen, message).toEqual(["b", false, true, "b"]);
  });

  test("Tokenizer _parseString (replaced)", () => {
    const replaced = lexer.lex('{{ "x" }}', {});
    replaced._parseString = function (this: TokenStream, delimiter: string) {
      this.forward();
      while (this.current() !== delimiter) this.forward();
      this.forward();
      return "replaced";
    };
    expect(readTokens(replaced), describeTouchPoint("Tokenizer _parseString (replaced)")).toContainEqual([
      "string",
      "replaced",
    ]);
    expect(readTokens(lexer.lex('{{ "x" }}', {}))).toContainEqual(["string", "x"]);
  });

  test("Tokenizer nextToken (wrapped)", () => {
    const stream = lexer.lex("{{ a }}", {});
    const next = stream.nextToken.bind(stream);
    stream.nextToken = () => {
      const token = next();
      return token?.type === "symbol" ? { ...token, value: "wrapped" } : token;
    };
    const root = new parser.Parser(stream).parseAsRoot();
    const output = root.children[0] as ListNode;
    const symbol = output.children[0] as AstNode & { value: unknown };
    expect(symbol.value, describeTouchPoint("Tokenizer nextToken (wrapped)")).toBe("wrapped");
  });

  test("`x.0.y` lexes as `x` `.` `0.`(FLOAT) `y`", () => {
    const code = readTokens(lexer.lex("{{a.0.b}}", {})).slice(1, -1);
    expect(code, describeTouchPoint("`x.0.y` lexes as `x` `.` `0.`(FLOAT) `y`")).toEqual([
      ["symbol", "a"],
      ["operator", "."],
      ["float", "0."],
      ["symbol", "b"],
    ]);
  });

  test("Tokenizer _matches, _extractString (wrapped)", () => {
    const row = "Tokenizer _matches, _extractString (wrapped)";
    expect(() => readTokens(lexer.lex("a #} b", {})), describeTouchPoint(row)).toThrow("unexpected end of comment");
    const stream = lexer.lex("a #} b{# c #}", {});
    const extracted: (string | null)[] = [];
    const matches = stream._matches.bind(stream);
    const extractString = stream._extractString.bind(stream);
    stream._matches = (text) => (text === "#}" && extracted.length === 0 ? false : matches(text));
    stream._extractString = (text) => {
      const result = extractString(text);
      if (result) extracted.push(result);
      return result;
    };
    expect(readTokens(stream), describeTouchPoint(row)).toEqual([
      ["data", "a #} b"],
      ["comment", "{# c #}"],
    ]);
    expect(extracted, describeTouchPoint(row)).toEqual(["{#", "#}"]);
  });

  test("Tokenizer src: back() reads it, never set", () => {
    const row = "Tokenizer src: back() reads it, never set";
    const stream = lexer.lex("ab\ncd", {});
    expect(stream.src, `${describeTouchPoint(row)} (nunjucks now sets src: lexJinja's workaround can go)`).toBe(
      undefined,
    );
    for (let i = 0; i < 4; i++) stream.forward();
    expect(() => stream.back(), describeTouchPoint(row)).not.toThrow();
    stream.src = stream.str;
    const position = () => ({ index: stream.index, lineno: stream.lineno, colno: stream.colno });
    stream.back();
    expect(position(), describeTouchPoint(row)).toEqual({ index: 2, lineno: 0, colno: 2 });
  });

  test("parser.Parser (subclassed: ParserBase)", () => {
    const row = "parser.Parser (subclassed: ParserBase)";
    expect(
      findArityProblems("Parser.prototype", parser.Parser.prototype, parserArities),
      describeTouchPoint(row),
    ).toEqual([]);
    const instance = new parser.Parser(lexer.lex("{{ a }}", {}));
    expect(
      typeof instance.tokens.nextToken === "function" && instance.dropLeadingWhitespace === false,
      describeTouchPoint(row),
    ).toBe(true);
  });

  test("parser errors read `parseX: message`", () => {
    const parse = () => new parser.Parser(lexer.lex('{% import "x" %}', {})).parseAsRoot();
    expect(parse, describeTouchPoint("parser errors read `parseX: message`")).toThrow(
      /^parseImport: expected "as" keyword$/,
    );
  });

  test("nodes.*: classes, `fields` order, extend", () => {
    const row = "nodes.*: classes, `fields` order, extend";
    const found = Object.fromEntries(
      Object.keys(nodeFields).map((name) => {
        const node = new nodes[name as keyof typeof nodeFields](3, 4);
        return [name, node.typename === name && node.lineno === 3 && node.colno === 4 ? node.fields : "not a node"];
      }),
    );
    expect(found, describeTouchPoint(row)).toEqual(nodeFields);
    const Extended = nodes.Node.extend("CanaryNode", { fields: ["first", "second"] });
    const node = new Extended(1, 2, "one", "two") as AstNode & { first: unknown; second: unknown };
    expect([node.typename, node.first, node.second, node.lineno], describeTouchPoint(row)).toEqual([
      "CanaryNode",
      "one",
      "two",
      1,
    ]);
  });

  test("compiler.Compiler (subclassed: CompilerBase)", () => {
    const row = "compiler.Compiler (subclassed: CompilerBase)";
    expect(
      findArityProblems("Compiler.prototype", compiler.Compiler.prototype, compilerArities),
      describeTouchPoint(row),
    ).toEqual([]);
    const instance = new compiler.Compiler("name.j2", false);
    expect([instance.templateName, instance.codebuf], describeTouchPoint(row)).toEqual(["name.j2", []]);
  });

  test("compile() calls `compile<typename>`", () => {
    const Extended = nodes.Node.extend("CanaryNode", { fields: [] });
    const seen: string[] = [];
    class Canary extends compiler.Compiler {
      compileCanaryNode(node: AstNode): void {
        seen.push(node.typename);
      }
    }
    new Canary("t", false).compile(new Extended(1, 1));
    expect(seen, describeTouchPoint("compile() calls `compile<typename>`")).toEqual(["CanaryNode"]);
    expect(compileWithDialect("{{ x[1:2] }}{% with a = 1 %}{% endwith %}")).toMatch(
      /runtime\.slice\(.*frame\.push\(true\)/s,
    );
  });

  test("_emitFuncBegin/_emitFuncEnd code", () => {
    const row = "_emitFuncBegin/_emitFuncEnd code";
    const base = new compiler.Compiler("t.j2", false);
    base.compile(new parser.Parser(lexer.lex("", {})).parseAsRoot());
    const expected = [
      "function root(env, context, frame, runtime, cb) {",
      "var lineno = 0;",
      "var colno = 0;",
      'var output = "";',
      "try {",
      "var parentTemplate = null;",
      "if(parentTemplate) {",
      "parentTemplate.rootRenderFunc(env, context, frame, runtime, cb);",
      "} else {",
      "cb(null, output);",
      "}",
      ";",
      "} catch (e) {",
      "  cb(runtime.handleError(e, lineno, colno));",
      "}",
      "}",
      "return {",
      "root: root",
      "};",
      "",
    ];
    expect(base.getCode().split("\n"), describeTouchPoint(row)).toEqual(expected);
    // The dialect's code is nunjucks' with the runtime bound first and the template named in errors.
    const dialect = base
      .getCode()
      .replace("try {\n", "try {\nruntime = jinjaRuntime;\n")
      .replace("handleError(e, lineno, colno)", 'handleError(e, lineno, colno, "t.j2")')
      .replace("var parentTemplate = null;", 'var parentTemplate = null, jinjaPrefix = "";')
      .replace("runtime, cb);", "runtime, (e, r) => cb(e, e ? r : jinjaPrefix + r));");
    expect(compileWithDialect("", "t.j2"), describeTouchPoint(row)).toBe(dialect);
  });

  test("compileRoot's parentTemplate lines, compileExtends", () => {
    const row = "compileRoot's parentTemplate lines, compileExtends";
    const base = new compiler.Compiler("t.j2", false);
    base.compile(new parser.Parser(lexer.lex('before{% extends "b.j2" %}', {})).parseAsRoot());
    const lines = [
      "var parentTemplate = null;\n",
      "parentTemplate.rootRenderFunc(env, context, frame, runtime, cb);\n",
      "parentTemplate = t_2\n",
    ];
    expect(
      lines.filter((line) => !base.codebuf.includes(line)),
      describeTouchPoint(row),
    ).toEqual([]);
    const dialect = compileWithDialect('before{% extends "b.j2" %}');
    expect(dialect, describeTouchPoint(row)).toContain("if (!parentTemplate) jinjaPrefix = output;\nenv.getTemplate(");
    expect(dialect, describeTouchPoint(row)).toContain("cb(e, e ? r : jinjaPrefix + r)");
  });

  test("_compileMacro's `return new runtime.SafeString`", () => {
    const row = "_compileMacro's `return new runtime.SafeString`";
    const base = new compiler.Compiler("t.j2", false);
    base.compile(new parser.Parser(lexer.lex("{% macro m(a) %}x{% endmacro %}", {})).parseAsRoot());
    const returns = base.codebuf.filter((line) => /^return new runtime\.SafeString\((\w+)\);\n$/.test(line));
    expect(returns, describeTouchPoint(row)).toHaveLength(1);
    expect(compileWithDialect("{% macro m(a) %}x{% endmacro %}"), describeTouchPoint(row)).not.toContain("SafeString");
  });

  test("getCode(): a body returning {root, b_<name>}", () => {
    const code = compileWithDialect("{% block head %}h{% endblock %}");
    const made = new Function("jinjaRuntime", code)({}) as Record<string, unknown>;
    const shape = Object.fromEntries(Object.entries(made).map(([key, value]) => [key, typeof value]));
    expect(shape, describeTouchPoint("getCode(): a body returning {root, b_<name>}")).toEqual({
      b_head: "function",
      root: "function",
    });
  });

  test("generated code calls runtime.<name>", () => {
    const jinjaRuntime = createJinjaRuntime({
      filters,
      tests,
      globals: createGlobals(),
      undefinedKind: "strict",
      loadTemplate: () => undefined,
    });
    const missing = findMembersUsed(compileWithDialect(everything), "runtime").filter(
      (name) => !(name in jinjaRuntime),
    );
    expect(missing, describeTouchPoint("generated code calls runtime.<name>")).toEqual([]);
  });

  test("runtime.Frame, makeMacro, SafeString", () => {
    const row = "runtime.Frame, makeMacro, SafeString";
    const arities = { makeMacro: 3, handleError: 3, makeKeywordArgs: 1, Frame: 2, SafeString: 1 };
    expect(findArityProblems("runtime", runtime, arities), describeTouchPoint(row)).toEqual([]);
    const frame = new runtime.Frame();
    frame.set("a", 1);
    const inner = frame.push(true);
    inner.set("b", 2);
    expect([inner.lookup("a"), inner.lookup("b"), frame.lookup("b")], describeTouchPoint(row)).toEqual([
      1,
      2,
      undefined,
    ]);
    const safe = new runtime.SafeString("<b>");
    expect([String(safe), safe.val, safe.length], describeTouchPoint(row)).toEqual(["<b>", "<b>", 3]);
  });

  test("Template: ctor, _compile (replaced), compile,", () => {
    const row = "Template: ctor, _compile (replaced), compile,";
    const templateArities = { _compile: 0, compile: 0, render: 3 };
    expect(
      findArityProblems("Template.prototype", internals.Template.prototype, templateArities),
      describeTouchPoint(row),
    ).toEqual([]);
    const environment = new internals.Environment([], { autoescape: false, dev: true });
    const template = new internals.Template("source", environment, "name.j2");
    const calls: string[] = [];
    template._compile = () => {
      calls.push(template.tmplStr);
      template.rootRenderFunc = (_env, context, frame, _runtime, cb) =>
        cb(null, `hello ${String(context.ctx.who)}, top level: ${frame.topLevel}`);
      template.blocks = {};
      template.compiled = true;
    };
    template.compile();
    template.compile();
    expect([calls, template.render({ who: "world" })], describeTouchPoint(row)).toEqual([
      ["source"],
      "hello world, top level: true",
    ]);
  });

  test("Context ctx, getVariables, setVariable,", () => {
    const row = "Context ctx, getVariables, setVariable,";
    const environment = new internals.Environment([], { autoescape: false, dev: true });
    const template = new internals.Template("", environment, "name.j2");
    let seen: RuntimeContext | undefined;
    template.rootRenderFunc = (_env, context, _frame, _runtime, cb) => {
      seen = context;
      cb(null, "");
    };
    template.blocks = {};
    template.compiled = true;
    template.render({ a: 1 });
    const context = seen as RuntimeContext;
    const used = findMembersUsed(compileWithDialect(everything), "context");
    const missing = used.filter((name) => typeof Reflect.get(context, name) !== "function");
    context.setVariable("b", 2);
    context.addExport("b");
    expect({ missing, ctx: context.ctx, variables: context.getVariables() }, describeTouchPoint(row)).toEqual({
      missing: [],
      ctx: { a: 1, b: 2 },
      variables: { a: 1, b: 2 },
    });
  });

  test("Environment getTemplate (replaced)", () => {
    const row = "Environment getTemplate (replaced)";
    const environment = new internals.Environment([], {});
    expect(findArityProblems("Environment", environment, { getTemplate: 5 }), describeTouchPoint(row)).toEqual([]);
    expect(findMembersUsed(compileWithDialect(everything), "env"), describeTouchPoint(row)).toEqual(["getTemplate"]);
  });

  test("render errors: TemplateError with `cause`", () => {
    const environment = new internals.Environment([], { autoescape: false, dev: true });
    const template = new internals.Template("", environment, "name.j2");
    const raised = new JinjaRuntimeError("boom");
    template.rootRenderFunc = (_env, _context, _frame, _runtime, cb) => cb(raised);
    template.blocks = {};
    template.compiled = true;
    let caught: unknown;
    try {
      template.render({});
    } catch (error) {
      caught = error;
    }
    expect(findJinjaError(caught), describeTouchPoint("render errors: TemplateError with `cause`")).toBe(raised);
  });

  test("nunjucks/src/transformer.js transform (deep)", () => {
    const row = "nunjucks/src/transformer.js transform (deep)";
    expect(findArityProblems("transformer", transformer, { transform: 2 }), describeTouchPoint(row)).toEqual([]);
    const source = "{% block a %}{{ super() }}{% endblock %}";
    const ast = transformer.transform(new parser.Parser(lexer.lex(source, {})).parseAsRoot(), []) as ListNode;
    const block = ast.children[0] as AstNode & { body: ListNode };
    expect(block.body.children[0]?.typename, describeTouchPoint(row)).toBe("Super");
  });
});
