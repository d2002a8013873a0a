// Typed access to the parts of nunjucks that @types/nunjucks leaves out: its lexer, parser, AST nodes,
// compiler and runtime. The Jinja2 dialect (jinja-parser.ts, jinja-compiler.ts) subclasses these; the
// shapes below are what nunjucks 3.2 has (see node_modules/nunjucks/src).
import nunjucks from "nunjucks";
import transformer from "nunjucks/src/transformer.js";

// A lexer token.
export interface Token {
  type: string;
  value: string;
  lineno: number;
  colno: number;
}

// The lexer's token stream (nunjucks' Tokenizer).
export interface TokenStream {
  str: string;
  index: number;
  lineno: number;
  colno: number;
  in_code: boolean;
  tags: { VARIABLE_END: string };
  current(): string;
  forward(): void;
  back(): void;
  isFinished(): boolean;
  nextToken(): Token | null;
  _parseString(delimiter: string): string;
}

// Any AST node; concrete shapes are the interfaces below.
export interface AstNode {
  readonly typename: string;
  readonly fields: readonly string[];
  lineno: number;
  colno: number;
  findAll<T extends AstNode>(type: NodeClass<T>): T[];
}

// A node with children (NodeList, Root, Array, Group, Dict, Output, KeywordArgs).
export interface ListNode extends AstNode {
  children: AstNode[];
  addChild(node: AstNode): void;
}

// A node holding one value (Literal, Symbol, TemplateData).
export interface ValueNode extends AstNode {
  value: unknown;
  // Set by the Jinja parser on float literals, which stay floats even when integral (`1.0`).
  isFloat?: boolean;
}

// Every node class nunjucks constructs as `new Class(lineno, colno, ...fields)`.
export type NodeClass<T extends AstNode = AstNode> = new (lineno: number, colno: number, ...fields: unknown[]) => T;

// The node classes the Jinja dialect builds or tells apart.
export interface NodeClasses {
  Node: NodeClass & { extend(name: string, props: { fields: string[] }): NodeClass };
  NodeList: NodeClass<ListNode>;
  Literal: NodeClass<ValueNode>;
  Symbol: NodeClass<ValueNode>;
  TemplateData: NodeClass<ValueNode>;
  Group: NodeClass<ListNode>;
  Array: NodeClass<ListNode>;
  Dict: NodeClass<ListNode>;
  Pair: NodeClass;
  KeywordArgs: NodeClass<ListNode>;
  LookupVal: NodeClass;
  FunCall: NodeClass;
  Filter: NodeClass;
  Is: NodeClass;
  InlineIf: NodeClass;
  Add: NodeClass;
  Sub: NodeClass;
  Mul: NodeClass;
  Div: NodeClass;
  FloorDiv: NodeClass;
  Mod: NodeClass;
  Concat: NodeClass;
  For: NodeClass;
  Set: NodeClass;
  Include: NodeClass;
  Capture: NodeClass;
  Output: NodeClass<ListNode>;
  Not: NodeClass;
}

// nunjucks' Parser: the methods the Jinja parser calls or overrides.
export interface ParserBase {
  tokens: TokenStream;
  peeked: Token | null;
  dropLeadingWhitespace: boolean;
  nextToken(withWhitespace?: boolean): Token | null;
  peekToken(): Token;
  pushToken(token: Token | null): void;
  skip(type: string): boolean;
  skipValue(type: string, value: string): boolean;
  skipSymbol(value: string): boolean;
  expect(type: string): Token;
  fail(message: string, lineno?: number, colno?: number): never;
  advanceAfterBlockEnd(name?: string): Token;
  parseUntilBlocks(...names: string[]): ListNode;
  parseExpression(): AstNode;
  parseInlineIf(): AstNode;
  parseOr(): AstNode;
  parseCompare(): AstNode;
  parseIs(): AstNode;
  parseConcat(): AstNode;
  parsePow(): AstNode;
  parseFilter(node: AstNode): AstNode;
  parseFilterName(): ValueNode;
  parsePrimary(noPostfix?: boolean): AstNode;
  parsePostfix(node: AstNode): AstNode;
  parseAggregate(): AstNode | null;
  parseSignature(tolerant?: boolean, noParens?: boolean): ListNode | null;
  parseStatement(): AstNode | null;
  parseFor(): AstNode;
  parseSet(): AstNode;
  parseInclude(): AstNode;
  parseAsRoot(): ListNode;
}

// nunjucks' compile-time Frame (also its run-time Frame): names → generated variable ids.
export interface CompileFrame {
  variables: Record<string, string | undefined>;
  parent: CompileFrame | undefined;
  isolateWrites: boolean;
  set(name: string, value: string): void;
  lookup(name: string): string | undefined;
  push(isolateWrites?: boolean): CompileFrame;
}

// nunjucks' Compiler: the code-emitting helpers the Jinja compiler uses or overrides.
export interface CompilerBase {
  templateName: string;
  buffer: string;
  codebuf: string[];
  fail(message: string, lineno?: number, colno?: number): never;
  compile(node: AstNode, frame?: CompileFrame): void;
  getCode(): string;
  assertType(node: AstNode, ...types: NodeClass[]): void;
  _emit(code: string): void;
  _emitLine(code: string): void;
  _emitFuncBegin(node: AstNode, name: string): void;
  _emitFuncEnd(noReturn?: boolean): void;
  _tmpid(): string;
  _closeScopeLevels(): void;
  _withScopedSyntax(fn: () => void): void;
  _compileExpression(node: AstNode, frame: CompileFrame): void;
  _compileAggregate(node: ListNode, frame: CompileFrame, start?: string, end?: string): void;
  _compileMacro(node: AstNode, frame?: CompileFrame): string;
  compileLiteral(node: ValueNode, frame?: CompileFrame): void;
  compileSymbol(node: ValueNode, frame: CompileFrame): void;
}

// nunjucks' run-time Frame.
export interface RuntimeFrame {
  topLevel: boolean;
  set(name: string, value: unknown, resolveUp?: boolean): void;
  lookup(name: string): unknown;
  push(isolateWrites?: boolean): RuntimeFrame;
}

// nunjucks' run-time Context (the variables a template renders with).
export interface RuntimeContext {
  ctx: Record<string, unknown>;
  env: unknown;
  getVariables(): Record<string, unknown>;
}

// The compiled template functions nunjucks calls: root and b_<block>.
export type RenderFunction = (
  env: unknown,
  context: RuntimeContext,
  frame: RuntimeFrame,
  runtime: unknown,
  cb: (err: unknown, result?: string) => void,
) => void;

// A nunjucks Template with the internals the Jinja environment sets.
export interface NunjucksTemplate {
  tmplStr: string;
  path: string;
  blocks: Record<string, RenderFunction>;
  rootRenderFunc: RenderFunction;
  compiled: boolean;
  _compile(): void;
  compile(): void;
  render(
    context: Record<string, unknown>,
    parentFrame?: RuntimeFrame,
    cb?: (err: unknown, res?: string) => void,
  ): string;
}

// The nunjucks Environment as the compiled code uses it.
export interface NunjucksEnvironment {
  opts: { autoescape: boolean; dev: boolean };
  globals: Record<string, unknown>;
  filters: Record<string, unknown>;
  tests: Record<string, unknown>;
  getTemplate: (
    name: unknown,
    eagerCompile: boolean,
    parentName: string | null,
    ignoreMissing: boolean,
    cb?: (err: unknown, template?: NunjucksTemplate) => void,
  ) => NunjucksTemplate | undefined;
}

interface NunjucksModule {
  Environment: new (loaders: unknown[], opts: Record<string, unknown>) => NunjucksEnvironment;
  Template: new (src: string, env: NunjucksEnvironment, path: string, eagerCompile?: boolean) => NunjucksTemplate;
  lexer: Record<string, string> & { lex(src: string, opts: Record<string, unknown>): TokenStream };
  parser: { Parser: new (tokens: TokenStream) => ParserBase };
  compiler: { Compiler: new (templateName: string, throwOnUndefined: boolean) => CompilerBase };
  nodes: NodeClasses;
  runtime: Record<string, unknown> & {
    Frame: new () => RuntimeFrame;
    SafeString: new (value: string) => { val: string; length: number };
    makeMacro: (...args: unknown[]) => (...args: unknown[]) => unknown;
  };
  lib: { TemplateError: new (message: string, lineno?: number, colno?: number) => Error };
}

// nunjucks, typed for the internals above.
export const internals = nunjucks as unknown as NunjucksModule;

// The lexer's token type names (TOKEN_STRING → "string", …).
export function tokenType(name: string): string {
  const type = internals.lexer[`TOKEN_${name}`];
  if (typeof type !== "string") throw new Error(`nunjucks has no token type ${name}`);
  return type;
}

// nunjucks' AST post-processing (lifts `super()` calls out of blocks); no async filters here.
export function transformAst(ast: ListNode, templateName: string): ListNode {
  return transformer.transform(ast, [], templateName) as ListNode;
}
