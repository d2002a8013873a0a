// The shapes of nunjucks' private classes that the Jinja2 dialect uses, as nunjucks 3.2.4 has them
// (node_modules/nunjucks/src): @types/nunjucks describes only the public API. Each interface lists only
// the members the dialect reads, calls or overrides; nunjucks-internals.ts lists where and why, and
// test/templates/nunjucks-canaries.test.ts checks every one against the installed nunjucks.

// A lexer token.
export interface Token {
  type: string;
  value: string;
  lineno: number;
  colno: number;
}

// The lexer's token stream (nunjucks' Tokenizer); jinja-lexer.ts wraps or replaces the methods on one stream.
export interface TokenStream {
  str: string;
  index: number;
  lineno: number;
  colno: number;
  in_code: boolean;
  // Never set by nunjucks, yet read by back() after a newline: jinja-lexer.ts sets it.
  src?: string;
  current(): string;
  forward(): void;
  back(): void;
  isFinished(): boolean;
  nextToken(): Token | null;
  _parseString(delimiter: string): string;
  _matches(text: string): boolean | null;
  _extractString(text: string): string | null;
}

// Any AST node; concrete shapes are the interfaces below and in jinja-nodes.ts.
export interface AstNode {
  readonly typename: string;
  readonly fields: readonly string[];
  lineno: number;
  colno: number;
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

// Every node class nunjucks constructs as `new Class(lineno, colno, ...fields)`, fields in `fields` order.
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
  KeywordArgs: NodeClass<ListNode>;
  Pair: NodeClass;
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
  Block: NodeClass;
  Output: NodeClass<ListNode>;
  Not: NodeClass;
}

// nunjucks' Parser: the methods the Jinja parser calls or overrides (`override` marks the latter).
export interface ParserBase {
  tokens: TokenStream;
  dropLeadingWhitespace: boolean;
  nextToken(withWhitespace?: boolean): Token | null;
  peekToken(): Token;
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

// nunjucks' Compiler: the code-emitting helpers the Jinja compiler calls, and every `compile<NodeType>`
// it overrides (compile() dispatches on the node's typename; `override` marks them, so each must be here).
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
  _compileMacro(node: AstNode, frame?: CompileFrame): string;
  _getNodeName(node: AstNode): string;
  compileLiteral(node: ValueNode, frame?: CompileFrame): void;
  compileSymbol(node: ValueNode, frame: CompileFrame): void;
  compileGroup(node: AstNode, frame: CompileFrame): void;
  compileDict(node: AstNode, frame: CompileFrame): void;
  compileKeywordArgs(node: AstNode, frame: CompileFrame): void;
  compileInlineIf(node: AstNode, frame: CompileFrame): void;
  compileIn(node: AstNode, frame: CompileFrame): void;
  compileIs(node: AstNode, frame: CompileFrame): void;
  compileOr(node: AstNode, frame: CompileFrame): void;
  compileAnd(node: AstNode, frame: CompileFrame): void;
  compileNot(node: AstNode, frame: CompileFrame): void;
  compileAdd(node: AstNode, frame: CompileFrame): void;
  compileSub(node: AstNode, frame: CompileFrame): void;
  compileMul(node: AstNode, frame: CompileFrame): void;
  compileDiv(node: AstNode, frame: CompileFrame): void;
  compileFloorDiv(node: AstNode, frame: CompileFrame): void;
  compileMod(node: AstNode, frame: CompileFrame): void;
  compilePow(node: AstNode, frame: CompileFrame): void;
  compileConcat(node: AstNode, frame: CompileFrame): void;
  compileNeg(node: AstNode, frame: CompileFrame): void;
  compilePos(node: AstNode, frame: CompileFrame): void;
  compileCompare(node: AstNode, frame: CompileFrame): void;
  compileLookupVal(node: AstNode, frame: CompileFrame): void;
  compileFunCall(node: AstNode, frame: CompileFrame): void;
  compileFilter(node: AstNode, frame: CompileFrame): void;
  compileOutput(node: AstNode, frame: CompileFrame): void;
  compileIf(node: AstNode, frame: CompileFrame): void;
  compileSet(node: AstNode, frame: CompileFrame): void;
  compileFor(node: AstNode, frame: CompileFrame): void;
  compileInclude(node: AstNode, frame: CompileFrame): void;
  compileRoot(node: AstNode, frame?: CompileFrame): void;
  compileExtends(node: AstNode, frame: CompileFrame): void;
  compileCapture(node: AstNode, frame: CompileFrame): void;
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
  getVariables(): Record<string, unknown>;
  setVariable(name: string, value: unknown): void;
  addExport(name: string): void;
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

// The nunjucks Environment as the compiled code uses it (`{% import %}`, `{% extends %}` call getTemplate).
export interface NunjucksEnvironment {
  getTemplate: (
    name: unknown,
    eagerCompile: boolean,
    parentName: string | null,
    ignoreMissing: boolean,
    cb?: (err: unknown, template?: NunjucksTemplate) => void,
  ) => NunjucksTemplate | undefined;
}

// The nunjucks module with its private parts typed.
export interface NunjucksModule {
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
}
