// nunjucks' compiler made to emit Jinja2's expressions: every operator, lookup, test, filter, call and
// truth test goes through the Python-semantics runtime (jinja-runtime.ts) instead of JavaScript's.
// Filter and test names are checked at compile time, as Jinja2 does ("no filter named 'x'").
import {
  type BinaryNode,
  type CallNode,
  type CompareNode,
  type InlineIfNode,
  type LookupNode,
  type PairNode,
  SliceNode,
  type SliceValueNode,
  StarKwargsNode,
  type StarValueNode,
  type UnaryNode,
} from "./jinja-nodes.js";
import { resolvePluginName } from "./jinja-runtime.js";
import {
  type AstNode,
  type CompileFrame,
  internals,
  type ListNode,
  type NodeClass,
  type ValueNode,
} from "./nunjucks-internals.js";

const { nodes } = internals;

const binaryOperators: Record<string, string> = {
  Add: "+",
  Sub: "-",
  Mul: "*",
  Div: "/",
  FloorDiv: "//",
  Mod: "%",
  Pow: "**",
};

const quote = (text: string) => JSON.stringify(text);

const Compiler = internals.compiler.Compiler;

// The Jinja2 dialect of nunjucks' compiler, for expressions; jinja-compiler.ts adds the statements.
export class JinjaExpressionCompiler extends Compiler {
  private readonly known: { filters: ReadonlySet<string>; tests: ReadonlySet<string> };

  constructor(templateName: string, known: { filters: ReadonlySet<string>; tests: ReadonlySet<string> }) {
    super(templateName, false);
    this.known = known;
  }

  // Emits `(lineno = L, colno = C, <expression>)` so a run-time error names its line.
  protected located(node: AstNode, frame: CompileFrame): void {
    this._emit(`(lineno = ${node.lineno}, colno = ${node.colno}, `);
    this.compile(node, frame);
    this._emit(")");
  }

  // Emits the nodes separated by commas.
  private list(items: readonly AstNode[], frame: CompileFrame): void {
    items.forEach((item, i) => {
      if (i > 0) this._emit(", ");
      this.compile(item, frame);
    });
  }

  override assertType(node: AstNode, ...types: NodeClass[]): void {
    if (node instanceof SliceNode) return;
    super.assertType(node, ...types);
  }

  override compileLiteral(node: ValueNode, frame?: CompileFrame): void {
    if (node.isFloat && typeof node.value === "number" && Number.isInteger(node.value)) {
      this._emit(`runtime.float(${node.value})`);
    } else {
      super.compileLiteral(node, frame);
    }
  }

  override compileSymbol(node: ValueNode, frame: CompileFrame): void {
    const name = String(node.value);
    const constants: Record<string, string> = { True: "true", False: "false", None: "null" };
    const constant = constants[name];
    if (constant !== undefined) {
      this._emit(constant);
      return;
    }
    const id = frame.lookup(name);
    // Macro parameters are `l_<name>`; a missing one is "parameter 'x' was not provided", as in Jinja2.
    if (id) this._emit(`runtime.local(${id}, ${quote(name)}, ${id.startsWith("l_")})`);
    else this._emit(`runtime.lookup(context, frame, ${quote(name)})`);
  }

  override compileGroup(node: ListNode & { tuple?: boolean }, frame: CompileFrame): void {
    const [only] = node.children;
    if (node.children.length === 1 && only && !node.tuple) {
      this._emit("(");
      this.compile(only, frame);
      this._emit(")");
      return;
    }
    this._emit("runtime.tuple([");
    this.list(node.children, frame);
    this._emit("])");
  }

  override compileDict(node: ListNode, frame: CompileFrame): void {
    this._emit("runtime.dict([");
    node.children.forEach((child, i) => {
      const pair = child as PairNode;
      this._emit(i > 0 ? ", [" : "[");
      this.compile(pair.key, frame);
      this._emit(", ");
      this.compile(pair.value, frame);
      this._emit("]");
    });
    this._emit("])");
  }

  // `name=value` arguments, then those a `**mapping` adds.
  override compileKeywordArgs(node: ListNode, frame: CompileFrame): void {
    const spread = node.children.find((child) => child instanceof StarKwargsNode) as StarValueNode | undefined;
    const pairs = node.children.filter((child) => child !== spread) as PairNode[];
    this._emit(spread ? "runtime.makeKeywordArgs(runtime.mergeKeywords({" : "runtime.makeKeywordArgs({");
    pairs.forEach((pair, i) => {
      if (!(pair.key instanceof nodes.Symbol)) this.fail("a keyword argument needs a name", pair.lineno, pair.colno);
      this._emit(`${i > 0 ? ", " : ""}${quote(String((pair.key as ValueNode).value))}: `);
      this.compile(pair.value, frame);
    });
    if (spread) {
      this._emit("}, ");
      this.compile(spread.value, frame);
      this._emit("))");
    } else {
      this._emit("})");
    }
  }

  // `*iterable` among a call's arguments: its items, spread in place.
  compileJinjaStarArgs(node: StarValueNode, frame: CompileFrame): void {
    this._emit("...runtime.spreadPositional(");
    this.compile(node.value, frame);
    this._emit(")");
  }

  override compileInlineIf(node: InlineIfNode, frame: CompileFrame): void {
    this._emit("(runtime.truthy(");
    this.compile(node.cond, frame);
    this._emit(") ? ");
    this.compile(node.body, frame);
    this._emit(" : ");
    if (node.else_) this.compile(node.else_, frame);
    // Jinja2 3.1 gives a lenient Undefined here (even under StrictUndefined): it prints as "".
    else this._emit('""');
    this._emit(")");
  }

  override compileIn(node: BinaryNode, frame: CompileFrame): void {
    this._emit("runtime.contains(");
    this.compile(node.right, frame);
    this._emit(", ");
    this.compile(node.left, frame);
    this._emit(")");
  }

  override compileIs(node: BinaryNode, frame: CompileFrame): void {
    const test = node.right;
    const call = test instanceof nodes.FunCall ? (test as CallNode) : undefined;
    const written = String(((call ? call.name : test) as ValueNode).value);
    const name = resolvePluginName(written, (each) => this.known.tests.has(each));
    if (!this.known.tests.has(name)) this.fail(`no test named '${name}'`, test.lineno, test.colno);
    this._emit(`runtime.test(${quote(name)}, [`);
    this.compile(node.left, frame);
    for (const arg of call?.args.children ?? []) {
      this._emit(", ");
      this.compile(arg, frame);
    }
    this._emit("])");
  }

  // `a or b` / `a and b` return an operand, as in Python; the right one is evaluated only when needed.
  private compileLogical(node: BinaryNode, frame: CompileFrame, helper: string): void {
    this._emit(`runtime.${helper}(`);
    this.compile(node.left, frame);
    this._emit(", () => (");
    this.compile(node.right, frame);
    this._emit("))");
  }

  override compileOr(node: BinaryNode, frame: CompileFrame): void {
    this.compileLogical(node, frame, "or");
  }

  override compileAnd(node: BinaryNode, frame: CompileFrame): void {
    this.compileLogical(node, frame, "and");
  }

  override compileNot(node: UnaryNode, frame: CompileFrame): void {
    this._emit("!runtime.truthy(");
    this.compile(node.target, frame);
    this._emit(")");
  }

  // + - * / // % ** through Python's semantics.
  private compileBinary(node: BinaryNode, frame: CompileFrame): void {
    this._emit(`runtime.binary(${quote(binaryOperators[node.typename] ?? "?")}, `);
    this.compile(node.left, frame);
    this._emit(", ");
    this.compile(node.right, frame);
    this._emit(")");
  }

  override compileAdd(node: BinaryNode, frame: CompileFrame): void {
    this.compileBinary(node, frame);
  }
  override compileSub(node: BinaryNode, frame: CompileFrame): void {
    this.compileBinary(node, frame);
  }
  override compileMul(node: BinaryNode, frame: CompileFrame): void {
    this.compileBinary(node, frame);
  }
  override compileDiv(node: BinaryNode, frame: CompileFrame): void {
    this.compileBinary(node, frame);
  }
  override compileFloorDiv(node: BinaryNode, frame: CompileFrame): void {
    this.compileBinary(node, frame);
  }
  override compileMod(node: BinaryNode, frame: CompileFrame): void {
    this.compileBinary(node, frame);
  }
  override compilePow(node: BinaryNode, frame: CompileFrame): void {
    this.compileBinary(node, frame);
  }

  override compileConcat(node: BinaryNode, frame: CompileFrame): void {
    this._emit("runtime.concat(");
    this.compile(node.left, frame);
    this._emit(", ");
    this.compile(node.right, frame);
    this._emit(")");
  }

  override compileNeg(node: UnaryNode, frame: CompileFrame): void {
    this._emit('runtime.unary("-", ');
    this.compile(node.target, frame);
    this._emit(")");
  }

  override compilePos(node: UnaryNode, frame: CompileFrame): void {
    this._emit('runtime.unary("+", ');
    this.compile(node.target, frame);
    this._emit(")");
  }

  // `a < b <= c` as Python chains it: each operand evaluated once, stopping at the first false.
  override compileCompare(node: CompareNode, frame: CompileFrame): void {
    this._emit("runtime.compare(");
    this.compile(node.expr, frame);
    this._emit(", [");
    node.ops.forEach((op, i) => {
      this._emit(`${i > 0 ? ", " : ""}[${quote(op.type)}, () => (`);
      this.compile(op.expr, frame);
      this._emit(")]");
    });
    this._emit("])");
  }

  override compileLookupVal(node: LookupNode, frame: CompileFrame): void {
    if (node.attribute) {
      this._emit("runtime.getattr(");
      this.compile(node.target, frame);
      this._emit(`, ${quote(String((node.val as ValueNode).value))})`);
      return;
    }
    this._emit("runtime.getitem(");
    this.compile(node.target, frame);
    this._emit(", ");
    this.compile(node.val, frame);
    this._emit(")");
  }

  compileJinjaSlice(node: SliceValueNode, frame: CompileFrame): void {
    this._emit("runtime.slice(");
    this.compile(node.target, frame);
    for (const part of [node.start, node.stop, node.step]) {
      this._emit(", ");
      if (part) this.compile(part, frame);
      else this._emit("null");
    }
    this._emit(")");
  }

  override compileFunCall(node: CallNode, frame: CompileFrame): void {
    const name = this._getNodeName(node.name);
    this._emit(`(lineno = ${node.lineno}, colno = ${node.colno}, runtime.call(`);
    this.compile(node.name, frame);
    this._emit(`, ${quote(name)}, context, [`);
    this.list(node.args.children, frame);
    this._emit("]))");
  }

  override compileFilter(node: CallNode, frame: CompileFrame): void {
    const name = String((node.name as ValueNode).value);
    const known = resolvePluginName(name, (each) => this.known.filters.has(each));
    if (!this.known.filters.has(known)) this.fail(`no filter named '${name}'`, node.lineno, node.colno);
    this._emit(`(lineno = ${node.lineno}, colno = ${node.colno}, runtime.filter(${quote(known)}, [`);
    this.list(node.args.children, frame);
    this._emit("]))");
  }
}
