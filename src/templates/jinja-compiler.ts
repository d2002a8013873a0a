// nunjucks' compiler made to emit Jinja2 semantics: expressions as jinja-expression-compiler.ts emits
// them; output, `if`, `for` (also recursive) and `set` follow Jinja2's scoping (a set inside a loop stays
// in the loop); macros return str. The generated code starts each function with `runtime = jinjaRuntime`,
// so the runtime is per environment, never patched globally.
import { JinjaExpressionCompiler } from "./jinja-expression-compiler.js";
import type { CallNode, ForNode, IfNode, IncludeNode, LookupNode, SetNode, WithValueNode } from "./jinja-nodes.js";
import type { MacroInfo } from "./jinja-runtime.js";
import { type AstNode, type CompileFrame, internals, type ListNode, type ValueNode } from "./nunjucks-internals.js";

const { nodes } = internals;

// The generated id of a name assigned in the current scope (not crossing a loop, macro or with).
function lookupLocal(frame: CompileFrame, name: string): string | undefined {
  for (let scope: CompileFrame | undefined = frame; scope; scope = scope.isolateWrites ? undefined : scope.parent) {
    const id = scope.variables[name];
    if (id !== undefined) return id;
  }
  return undefined;
}

const quote = (text: string) => JSON.stringify(text);

// Whether a name is used anywhere in a node's subtree.
function usesName(node: unknown, name: string): boolean {
  if (Array.isArray(node)) return node.some((child) => usesName(child, name));
  if (!(node instanceof nodes.Node)) return false;
  if (node instanceof nodes.Symbol && (node as ValueNode).value === name) return true;
  const fields = (node as AstNode & { fields: string[] }).fields;
  return fields.some((field) => usesName((node as unknown as Record<string, unknown>)[field], name));
}

// The Jinja2 dialect of nunjucks' compiler: `new JinjaCompiler(templateName, { filters, tests })`, the
// names of the filters and tests templates may use.
export class JinjaCompiler extends JinjaExpressionCompiler {
  // Whether output is compiled into the root function outside macros and `{% set %}` blocks: there,
  // as in Jinja2, it is skipped (not even evaluated) once the template has extended another.
  private outputChecked = false;

  override _emitFuncBegin(node: AstNode, name: string): void {
    this.outputChecked = name === "root";
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

  override compileCapture(node: AstNode, frame: CompileFrame): void {
    this.withoutOutputCheck(() => super.compileCapture(node, frame));
  }

  // Compiles with output unchecked (a macro's or a `{% set %}` block's), restoring the check after.
  private withoutOutputCheck<T>(compile: () => T): T {
    const checked = this.outputChecked;
    this.outputChecked = false;
    try {
      return compile();
    } finally {
      this.outputChecked = checked;
    }
  }

  override _compileMacro(node: AstNode, frame?: CompileFrame): string {
    const { args } = node as CallNode;
    for (const param of [...args.children, ...args.children.flatMap((child) => (child as ListNode).children ?? [])]) {
      const star = ({ JinjaStarArgs: "*", JinjaStarKwargs: "**" } as Record<string, string>)[param.typename];
      if (star) {
        this.fail(`expected a parameter name, got '${star}'`, param.lineno, param.colno);
      }
    }
    const start = this.codebuf.length;
    const id = this.withoutOutputCheck(() => super._compileMacro(node, frame));
    // Jinja2 macros return plain str when autoescape is off; nunjucks wraps their output in SafeString.
    for (let i = start; i < this.codebuf.length; i++) {
      const code = this.codebuf[i] ?? "";
      const match = /^return new runtime\.SafeString\((\w+)\);\n$/.exec(code);
      if (match) this.codebuf[i] = `return ${match[1]};\n`;
    }
    // Jinja2 gives a macro whose body names `varargs` or `kwargs` its extra arguments there, and refuses
    // extra arguments to any other: runtime.makeMacro learns the macro's name and which it catches.
    const body = (node as AstNode & { body: AstNode }).body;
    const info: MacroInfo = {
      name: String((node as AstNode & { name: ValueNode }).name.value),
      varargs: usesName(body, "varargs"),
      kwargs: usesName(body, "kwargs"),
    };
    const prologue = this.codebuf.indexOf('frame.set("caller", kwargs.caller); }\n', start);
    const end = this.codebuf.length - 1;
    if (prologue === -1 || this.codebuf[end] !== "});\n") this.fail("nunjucks' macro code has changed");
    if (info.varargs) this.codebuf[prologue] += 'frame.set("varargs", kwargs.__jinjaVarargs);\n';
    if (info.kwargs) this.codebuf[prologue] += 'frame.set("kwargs", kwargs.__jinjaKwargs);\n';
    this.codebuf[end] = `}, ${JSON.stringify(info)});\n`;
    return id;
  }

  // Jinja2 outputs what a template writes before `{% extends %}`, then the parent's output; nunjucks drops
  // the former. The root remembers its output when it extends and puts it before the parent's.
  override compileRoot(node: ListNode, frame?: CompileFrame): void {
    const start = this.codebuf.length;
    super.compileRoot(node, frame);
    const replacements: Record<string, string> = {
      "var parentTemplate = null;\n": 'var parentTemplate = null, jinjaPrefix = "";\n',
      "parentTemplate.rootRenderFunc(env, context, frame, runtime, cb);\n":
        "parentTemplate.rootRenderFunc(env, context, frame, runtime, (e, r) => cb(e, e ? r : jinjaPrefix + r));\n",
    };
    for (const [from, to] of Object.entries(replacements)) {
      const index = this.codebuf.indexOf(from, start);
      if (index === -1) this.fail(`nunjucks' root code has no line ${JSON.stringify(from)}`);
      this.codebuf[index] = to;
    }
  }

  override compileExtends(node: AstNode, frame: CompileFrame): void {
    this._emitLine(`if (!parentTemplate) jinjaPrefix = ${this.buffer};`);
    super.compileExtends(node, frame);
  }

  override compileOutput(node: ListNode, frame: CompileFrame): void {
    if (this.outputChecked) this._emitLine("if (!parentTemplate) {");
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
    if (this.outputChecked) this._emitLine("}");
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
    if (node.targets.length === 1 && first && (first as LookupNode).attribute) {
      const target = first as LookupNode;
      this._emit("runtime.setAttribute(");
      this.compile(target.target, frame);
      this._emit(`, ${quote(String((target.val as ValueNode).value))}, `);
      if (node.value) this.located(node.value, frame);
      else if (node.body) this.compile(node.body, frame);
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
      for (const [i, id] of ids.entries()) this._emitLine(`${id} = ${tuple}[${i}];`);
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
      for (const [i, id] of ids.entries()) this._emitLine(`${id} = ${values}[${i}];`);
    }
    for (const [i, target] of targets.entries())
      this._emitLine(`frame.set(${quote(String(target.value))}, ${ids[i]});`);
  }

  override compileFor(node: ForNode, frame: CompileFrame): void {
    if (node.recursive) {
      this.compileRecursiveFor(node, frame);
      return;
    }
    const items = this._tmpid();
    this._emit(`var ${items} = runtime.iterate(`);
    this.located(node.arr, frame);
    this._emitLine(");");
    this.compileLoop(node, frame, items, "null, 0");
  }

  // A recursive loop, as Jinja2 compiles it: a function rendering the loop over an iterable at a depth,
  // called once for the top level; `loop(children)` in its body calls it again one level deeper. Every
  // call starts from the frame the loop is defined in and writes to its own buffer.
  private compileRecursiveFor(node: ForNode, frame: CompileFrame): void {
    const render = this._tmpid();
    const iterable = this._tmpid();
    const depth0 = this._tmpid();
    const defined = this._tmpid();
    const caller = this._tmpid();
    const items = this._tmpid();
    const buffer = this.buffer;
    this._emitLine(`var ${defined} = frame;`);
    this._emitLine(`var ${render} = function(${iterable}, ${depth0}) {`);
    this._emitLine(`var ${caller} = frame;`);
    this._emitLine(`frame = ${defined};`);
    this._emitLine('var output = "";');
    this.buffer = "output";
    this._emitLine(`var ${items} = runtime.iterate(${iterable});`);
    this.compileLoop(node, frame, items, `${render}, ${depth0}`);
    this._emitLine(`frame = ${caller};`);
    this._emitLine("return output;");
    this._emitLine("};");
    this.buffer = buffer;
    this._emit(`${buffer} += ${render}(`);
    this.located(node.arr, frame);
    this._emitLine(", 0);");
  }

  // The loop over `items` (already iterated): the filter condition, the `loop` object (made with the
  // given recursion arguments: the render function or null, and depth0), the body and the else block.
  private compileLoop(node: ForNode, frame: CompileFrame, items: string, recursion: string): void {
    const index = this._tmpid();
    const loop = this._tmpid();
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
    this._emitLine(`var ${loop} = runtime.loop(${items}, ${recursion});`);
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
