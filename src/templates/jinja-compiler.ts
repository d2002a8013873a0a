// nunjucks' compiler made to emit Jinja2 semantics: every operator, lookup, test, filter, output and
// truth test goes through the Python-semantics runtime (jinja-runtime.ts) instead of JavaScript's; `for`
// and `set` follow Jinja2's scoping (a set inside a loop stays in the loop). The generated code starts
// each function with `runtime = jinjaRuntime`, so the runtime is per environment, never patched globally.
import {
  type BinaryNode,
  type CallNode,
  type CompareNode,
  type ForNode,
  type IfNode,
  type IncludeNode,
  type InlineIfNode,
  type LookupNode,
  type PairNode,
  type SetNode,
  SliceNode,
  type SliceValueNode,
  type UnaryNode,
  type WithValueNode,
} from "./jinja-nodes.js";
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

// The generated id of a name assigned in the current scope (not crossing a loop, macro or with).
function lookupLocal(frame: CompileFrame, name: string): string | undefined {
  for (let scope: CompileFrame | undefined = frame; scope; scope = scope.isolateWrites ? undefined : scope.parent) {
    const id = scope.variables[name];
    if (id !== undefined) return id;
  }
  return undefined;
}

const quote = (text: string) => JSON.stringify(text);

const Compiler = internals.compiler.Compiler;

// The Jinja2 dialect of nunjucks' compiler. `filterNames`/`testNames` are checked at compile time, as
// Jinja2 does ("no filter named 'x'").
export class JinjaCompiler extends Compiler {
  private readonly known: { filters: ReadonlySet<string>; tests: ReadonlySet<string> };

  constructor(templateName: string, known: { filters: ReadonlySet<string>; tests: ReadonlySet<string> }) {
    super(templateName, false);
    this.known = known;
  }

  // Emits `(lineno = L, colno = C, <expression>)` so a run-time error names its line.
  private located(node: AstNode, frame: CompileFrame): void {
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

  override _emitFuncBegin(node: AstNode, name: string): void {
    super._emitFuncBegin(node, name);
    this._emitLine("runtime = jinjaRuntime;");
  }

  override _emitFuncEnd(noReturn?: boolean): void {
    if (!noReturn) this._emitLine(`cb(null, ${this.buffer});`);
    this._closeScopeLevels();
    this._emitLine("} catch (e) {");
    this._emitLine(`  cb(runtime.handleError(e, lineno, colno, ${quote(this.templateName)}));`);
    this._emitLine("}");
    this._emitLine("}");
  }

  override assertType(node: AstNode, ...types: NodeClass[]): void {
    if (node instanceof SliceNode) return;
    super.assertType(node, ...types);
  }

  override _compileMacro(node: AstNode, frame?: CompileFrame): string {
    const start = this.codebuf.length;
    const id = super._compileMacro(node, frame);
    // Jinja2 macros return plain str when autoescape is off; nunjucks wraps their output in SafeString.
    for (let i = start; i < this.codebuf.length; i++) {
      const code = this.codebuf[i] ?? "";
      const match = /^return new runtime\.SafeString\((\w+)\);\n$/.exec(code);
      if (match) this.codebuf[i] = `return ${match[1]};\n`;
    }
    return id;
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
    if (constant !== undefined) return this._emit(constant);
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

  override compileKeywordArgs(node: ListNode, frame: CompileFrame): void {
    this._emit("runtime.makeKeywordArgs({");
    node.children.forEach((child, i) => {
      const pair = child as PairNode;
      if (!(pair.key instanceof nodes.Symbol)) this.fail("a keyword argument needs a name", pair.lineno, pair.colno);
      this._emit(`${i > 0 ? ", " : ""}${quote(String((pair.key as ValueNode).value))}: `);
      this.compile(pair.value, frame);
    });
    this._emit("})");
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
    const name = String(((call ? call.name : test) as ValueNode).value);
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
    if (!this.known.filters.has(name)) this.fail(`no filter named '${name}'`, node.lineno, node.colno);
    this._emit(`(lineno = ${node.lineno}, colno = ${node.colno}, runtime.filter(${quote(name)}, [`);
    this.list(node.args.children, frame);
    this._emit("]))");
  }

  override compileOutput(node: ListNode, frame: CompileFrame): void {
    for (const child of node.children) {
      if (child instanceof nodes.TemplateData) {
        if ((child as ValueNode).value) {
          this._emit(`${this.buffer} += `);
          this.compileLiteral(child as ValueNode, frame);
          this._emitLine(";");
        }
      } else {
        this._emit(`${this.buffer} += runtime.output(`);
        this.located(child, frame);
        this._emitLine(");");
      }
    }
  }

  override compileIf(node: IfNode, frame: CompileFrame): void {
    this._emit("if (runtime.truthy(");
    this.located(node.cond, frame);
    this._emitLine(")) {");
    this._withScopedSyntax(() => this.compile(node.body, frame));
    if (node.else_) {
      const elseBody = node.else_;
      this._emitLine("} else {");
      this._withScopedSyntax(() => this.compile(elseBody, frame));
    }
    this._emitLine("}");
  }

  override compileSet(node: SetNode, frame: CompileFrame): void {
    const [first] = node.targets;
    if (node.targets.length === 1 && first && (first as LookupNode).attribute && node.value) {
      const target = first as LookupNode;
      this._emit("runtime.setAttribute(");
      this.compile(target.target, frame);
      this._emit(`, ${quote(String((target.val as ValueNode).value))}, `);
      this.located(node.value, frame);
      this._emitLine(");");
      return;
    }
    const names = node.targets.map((target) => {
      if (!(target instanceof nodes.Symbol))
        this.fail("can only assign to names and namespace attributes", target.lineno, target.colno);
      return String((target as ValueNode).value);
    });
    const ids = names.map((name) => {
      const local = lookupLocal(frame, name);
      if (local) return local;
      const id = this._tmpid();
      this._emitLine(`var ${id};`);
      return id;
    });
    if (node.value && ids.length > 1) {
      const tuple = this._tmpid();
      this._emit(`var ${tuple} = runtime.unpack(`);
      this.located(node.value, frame);
      this._emitLine(`, ${ids.length});`);
      ids.forEach((id, i) => this._emitLine(`${id} = ${tuple}[${i}];`));
    } else {
      this._emit(`${ids.join(" = ")} = `);
      if (node.value) this.located(node.value, frame);
      else if (node.body) this.compile(node.body, frame);
      this._emitLine(";");
    }
    names.forEach((name, i) => {
      const id = ids[i] ?? "undefined";
      this._emitLine(`frame.set(${quote(name)}, ${id});`);
      this._emitLine(`if (frame.topLevel) { context.setVariable(${quote(name)}, ${id}); }`);
      if (!name.startsWith("_")) this._emitLine(`if (frame.topLevel) { context.addExport(${quote(name)}, ${id}); }`);
    });
  }

  // Binds loop targets to an item: one name, or several unpacked from it.
  private bindTargets(targets: ValueNode[], ids: string[], item: string): void {
    if (targets.length === 1) {
      this._emitLine(`${ids[0]} = ${item};`);
    } else {
      const values = this._tmpid();
      this._emitLine(`var ${values} = runtime.unpack(${item}, ${targets.length});`);
      ids.forEach((id, i) => this._emitLine(`${id} = ${values}[${i}];`));
    }
    targets.forEach((target, i) => this._emitLine(`frame.set(${quote(String(target.value))}, ${ids[i]});`));
  }

  override compileFor(node: ForNode, frame: CompileFrame): void {
    const items = this._tmpid();
    const index = this._tmpid();
    const loop = this._tmpid();
    this._emit(`var ${items} = runtime.iterate(`);
    this.located(node.arr, frame);
    this._emitLine(");");
    const scope = frame.push(true);
    this._emitLine("frame = frame.push(true);");
    const targets = (node.name instanceof nodes.Array ? (node.name as ListNode).children : [node.name]) as ValueNode[];
    const ids = targets.map((target) => {
      const id = this._tmpid();
      this._emitLine(`var ${id};`);
      scope.set(String(target.value), id);
      return id;
    });
    if (node.test) {
      const kept = this._tmpid();
      this._emitLine(`var ${kept} = [];`);
      this._emitLine(`for (var ${index} = 0; ${index} < ${items}.length; ${index}++) {`);
      this.bindTargets(targets, ids, `${items}[${index}]`);
      this._emit("if (runtime.truthy(");
      this.located(node.test, scope);
      this._emitLine(`)) ${kept}.push(${items}[${index}]);`);
      this._emitLine("}");
      this._emitLine(`${items} = ${kept};`);
    }
    this._emitLine(`var ${loop} = runtime.loop(${items});`);
    this._emitLine(`frame.set("loop", ${loop});`);
    scope.set("loop", loop);
    this._emitLine(`for (var ${index} = 0; ${index} < ${items}.length; ${index}++) {`);
    this._emitLine(`${loop}.index0 = ${index};`);
    this.bindTargets(targets, ids, `${items}[${index}]`);
    this._withScopedSyntax(() => this.compile(node.body, scope));
    this._emitLine("}");
    if (node.else_) {
      const elseBody = node.else_;
      this._emitLine(`if (${items}.length === 0) {`);
      this._withScopedSyntax(() => this.compile(elseBody, scope));
      this._emitLine("}");
    }
    this._emitLine("frame = frame.pop();");
  }

  override compileInclude(node: IncludeNode, frame: CompileFrame): void {
    this._emit(`${this.buffer} += runtime.include(env, context, frame, `);
    this.located(node.template, frame);
    this._emitLine(`, ${node.ignoreMissing === true}, ${node.withContext !== false});`);
  }

  compileJinjaWith(node: WithValueNode, frame: CompileFrame): void {
    const ids = node.values.map((value) => {
      const id = this._tmpid();
      this._emit(`var ${id} = `);
      this.located(value, frame);
      this._emitLine(";");
      return id;
    });
    const scope = frame.push(true);
    this._emitLine("frame = frame.push(true);");
    node.targets.forEach((target, i) => {
      const id = ids[i] ?? "undefined";
      this._emitLine(`frame.set(${quote(String(target.value))}, ${id});`);
      scope.set(String(target.value), id);
    });
    this._withScopedSyntax(() => this.compile(node.body, scope));
    this._emitLine("frame = frame.pop();");
  }
}
