// Every hook the Jinja2 dialect has into nunjucks' private internals, in one place. nunjucks is pinned to
// exactly 3.2.4 in package.json; the shapes are typed in nunjucks-types.ts, each override carries
// `override`, and test/templates/nunjucks-canaries.test.ts has one canary per row below, so an upgrade
// that moves any of them fails loudly, naming the row.
//
// | touch point (nunjucks 3.2.4)                    | used in                        | why                           |
// |-------------------------------------------------|--------------------------------|-------------------------------|
// | lexer.lex(src, opts): a Tokenizer               | jinja-lexer.ts                 | reuse nunjucks' tokenizer     |
// | lexer.TOKEN_* names                             | tokenType() below              | token types to compare        |
// | Tokenizer str index lineno colno in_code        | jinja-lexer.ts, jinja-parser   | look ahead (numbers, raw)     |
// | Tokenizer current forward back isFinished       | jinja-lexer.ts, jinja-parser   | look ahead (numbers, raw)     |
// | Tokenizer _parseString (replaced)               | jinja-lexer.ts                 | Python string escapes         |
// | Tokenizer nextToken (wrapped)                   | jinja-lexer.ts                 | `1_000`, `1e3`, `}}` in dicts |
// | `x.0.y` lexes as `x` `.` `0.`(FLOAT) `y`        | jinja-lexer.ts                 | split back into `.` `0` `.`   |
// | Tokenizer _matches, _extractString (wrapped)    | jinja-lexer.ts                 | `#}` as text                  |
// | Tokenizer src: back() reads it, never set       | jinja-lexer.ts                 | step back over a newline      |
// | parser.Parser (subclassed: ParserBase)          | jinja-*parser.ts               | Jinja2's grammar              |
// | parser errors read `parseX: message`            | jinja-environment.ts           | strip nunjucks' method name   |
// | nodes.*: classes, `fields` order, extend        | jinja-*parser.ts, jinja-nodes  | new X(line, col, ...fields)   |
// | compiler.Compiler (subclassed: CompilerBase)    | jinja-*compiler.ts             | Python semantics              |
// | compile() calls `compile<typename>`             | jinja-*compiler.ts             | JinjaSlice, JinjaWith nodes   |
// | _emitFuncBegin/_emitFuncEnd code                | jinja-compiler.ts              | per-environment runtime       |
// | _compileMacro's `return new runtime.SafeString` | jinja-compiler.ts (a regex)    | macros return str             |
// | compileRoot's parentTemplate lines,             | jinja-compiler.ts (replaced)   | text before extends is output |
// |   compileExtends                                |                                | and output after it skipped   |
// | getCode(): a body returning {root, b_<name>}    | jinja-environment.ts           | new Function(…)(runtime)      |
// | generated code calls runtime.<name>             | jinja-runtime.ts               | all exist in our runtime      |
// | runtime.Frame, makeMacro, SafeString            | jinja-runtime, python-values   | scopes, macros, Markup        |
// | Template: ctor, _compile (replaced), compile,   | jinja-environment.ts           | compile with the dialect      |
// |   render, tmplStr, blocks, rootRenderFunc       |                                |                               |
// | Context ctx, getVariables, setVariable,         | jinja-runtime, jinja-compiler  | lookups, include, `set`       |
// |   addExport                                     |                                |                               |
// | Environment getTemplate (replaced)              | jinja-environment.ts           | import/extends load           |
// | render errors: TemplateError with `cause`       | jinja-errors.ts findJinjaError | keep the Jinja error          |
// | nunjucks/src/transformer.js transform (deep)    | transformAst() below           | lift `super()` calls          |
//
// To move the pin: upgrade, run the canaries, and for each that fails read nunjucks' change to that row and
// adapt the dialect (and nunjucks-types.ts) before the parity tests are trusted again.
import nunjucks from "nunjucks";
import transformer from "nunjucks/src/transformer.js";
import type { ListNode, NunjucksModule } from "./nunjucks-types.js";

export type {
  AstNode,
  CompileFrame,
  CompilerBase,
  ListNode,
  NodeClass,
  NodeClasses,
  NunjucksEnvironment,
  NunjucksTemplate,
  ParserBase,
  RenderFunction,
  RuntimeContext,
  RuntimeFrame,
  Token,
  TokenStream,
  ValueNode,
} from "./nunjucks-types.js";

// nunjucks, typed for the internals in nunjucks-types.ts.
export const internals = nunjucks as unknown as NunjucksModule;

// The lexer's token type names (TOKEN_STRING → "string", …).
export function tokenType(name: string): string {
  const type = internals.lexer[`TOKEN_${name}`];
  if (typeof type !== "string") throw new Error(`nunjucks has no token type ${name}`);
  return type;
}

// nunjucks' AST post-processing (lifts `super()` calls out of blocks); no async filters here.
export function transformAst(ast: ListNode): ListNode {
  return transformer.transform(ast, []) as ListNode;
}
