// A YAML emitter that writes plain data byte for byte as Ansible's to_yaml/to_nice_yaml do: PyYAML's
// representer (sorted keys, flow style for collections of scalars unless block style is asked) over libyaml's
// emitter (indentation, `- ` items, quoting, folding at the line width), with allow_unicode.
import {
  analyzeScalar,
  escapeCharacter,
  isBreak,
  isPrintable,
  representScalar,
  type ScalarNode,
} from "./filters-ansible-yaml-scalar.js";
import { JinjaRuntimeError } from "./jinja-errors.js";
import { compareCodePoints } from "./python-operators.js";
import { defined, dictEntries, isDict, JinjaUndefined, typeName } from "./python-values.js";

// How to dump: indentation step, line width, and whether collections of scalars are written in flow style.
export interface YamlDumpOptions {
  indent: number;
  width: number;
  // PyYAML's default_flow_style: false (block everywhere) or null (flow for collections of scalars only).
  defaultFlowStyle: boolean | null;
  sortKeys: boolean;
}

// Where a node sits (libyaml's root/sequence/mapping/simple-key contexts).
interface NodeContext {
  root?: boolean;
  mapping?: boolean;
  simpleKey?: boolean;
}

// One dump: the output so far and libyaml's emitter state.
class YamlEmitter {
  private out = "";
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private readonly indents: number[] = [];
  private flowLevel = 0;
  private readonly bestIndent: number;
  private readonly bestWidth: number;

  constructor(private readonly options: YamlDumpOptions) {
    this.bestIndent = options.indent > 1 && options.indent < 10 ? options.indent : 2;
    this.bestWidth = options.width > this.bestIndent * 2 ? options.width : 80;
  }

  // The whole document: the root node and the line break that ends it.
  dump(value: unknown): string {
    this.node(value, { root: true });
    this.writeIndent();
    return this.out;
  }

  private node(value: unknown, context: NodeContext): void {
    const scalar = representScalar(value instanceof JinjaUndefined ? defined(value) : value);
    if (scalar) this.scalar(scalar, context);
    else if (Array.isArray(value)) {
      const flow = this.flowLevel > 0 || value.length === 0 || this.prefersFlow(value);
      if (flow) this.flowSequence(value);
      else this.blockSequence(value, context);
    } else if (isDict(value)) {
      const entries = dictEntries(value);
      if (this.options.sortKeys) entries.sort(([a], [b]) => compareCodePoints(a, b));
      const flow = this.flowLevel > 0 || entries.length === 0 || this.prefersFlow(entries.map(([, item]) => item));
      if (flow) this.flowMapping(entries);
      else this.blockMapping(entries);
    } else throw new JinjaRuntimeError(`cannot represent an object: ${typeName(value)}`);
  }

  // PyYAML's representer with default_flow_style=None: flow when every item is a scalar.
  private prefersFlow(items: unknown[]): boolean {
    if (this.options.defaultFlowStyle !== null) return this.options.defaultFlowStyle;
    return items.every((item) => !Array.isArray(item) && !isDict(item));
  }

  private increaseIndent(flow: boolean, indentless = false): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? this.bestIndent : 0;
    else if (!indentless) this.indent += this.bestIndent;
  }

  private popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  private blockSequence(items: unknown[], context: NodeContext): void {
    this.increaseIndent(false, Boolean(context.mapping) && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator("-", true, false, true);
      this.node(item, {});
    }
    this.popIndent();
  }

  private blockMapping(entries: [string, unknown][]): void {
    this.increaseIndent(false);
    for (const [key, value] of entries) {
      this.writeIndent();
      if (this.isSimpleKey(key)) {
        this.node(key, { mapping: true, simpleKey: true });
        this.writeIndicator(":", false);
      } else {
        this.writeIndicator("?", true, false, true);
        this.node(key, { mapping: true });
        this.writeIndent();
        this.writeIndicator(":", true, false, true);
      }
      this.node(value, { mapping: true });
    }
    this.popIndent();
  }

  private flowSequence(items: unknown[]): void {
    this.writeIndicator("[", true, true);
    this.increaseIndent(true);
    this.flowLevel++;
    items.forEach((item, i) => {
      if (i > 0) this.writeIndicator(",", false);
      if (this.column > this.bestWidth) this.writeIndent();
      this.node(item, {});
    });
    this.flowLevel--;
    this.popIndent();
    this.writeIndicator("]", false);
  }

  private flowMapping(entries: [string, unknown][]): void {
    this.writeIndicator("{", true, true);
    this.increaseIndent(true);
    this.flowLevel++;
    entries.forEach(([key, value], i) => {
      if (i > 0) this.writeIndicator(",", false);
      if (this.column > this.bestWidth) this.writeIndent();
      if (this.isSimpleKey(key)) {
        this.node(key, { mapping: true, simpleKey: true });
        this.writeIndicator(":", false);
      } else {
        this.writeIndicator("?", true);
        this.node(key, { mapping: true });
        if (this.column > this.bestWidth) this.writeIndent();
        this.writeIndicator(":", true);
      }
      this.node(value, { mapping: true });
    });
    this.flowLevel--;
    this.popIndent();
    this.writeIndicator("}", false);
  }

  // libyaml's check_simple_key for a str key: one line, at most 128 bytes.
  private isSimpleKey(key: string): boolean {
    const analysis = analyzeScalar(key);
    return !analysis.multiline && analysis.byteLength <= 128;
  }

  private scalar(node: ScalarNode, context: NodeContext): void {
    const analysis = analyzeScalar(node.text);
    let style: "plain" | "single" | "double" = "plain";
    if (context.simpleKey && analysis.multiline) style = "double";
    if (style === "plain") {
      if (this.flowLevel > 0 ? !analysis.flowPlain : !analysis.blockPlain) style = "single";
      if (analysis.empty && (this.flowLevel > 0 || context.simpleKey)) style = "single";
      if (!node.plainImplicit) style = "single";
    }
    if (style === "single" && !analysis.singleQuoted) style = "double";
    this.increaseIndent(true);
    const breaks = !context.simpleKey;
    if (style === "plain") this.writePlain(node.text, breaks);
    else if (style === "single") this.writeSingleQuoted(node.text, breaks);
    else this.writeDoubleQuoted(node.text, breaks);
    this.popIndent();
  }

  private put(text: string): void {
    this.out += text;
    this.column += Array.from(text).length;
  }

  private putBreak(): void {
    this.out += "\n";
    this.column = 0;
  }

  // A line break character inside a scalar: \n as a line break, any other as itself.
  private writeBreak(char: string): void {
    if (char === "\n") this.putBreak();
    else {
      this.out += char;
      this.column = 0;
    }
  }

  private writeIndent(): void {
    const indent = Math.max(0, this.indent);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.column < indent) this.put(" ".repeat(indent - this.column));
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, whitespace = false, indention = false): void {
    if (needWhitespace && !this.whitespace) this.put(" ");
    this.put(indicator);
    this.whitespace = whitespace;
    this.indention = this.indention && indention;
  }

  private writePlain(text: string, allowBreaks: boolean): void {
    const chars = Array.from(text);
    if (!this.whitespace && (chars.length > 0 || this.flowLevel > 0)) this.put(" ");
    let [spaces, breaks] = [false, false];
    chars.forEach((char, i) => {
      if (char === " ") {
        if (allowBreaks && !spaces && this.column > this.bestWidth && chars[i + 1] !== " ") this.writeIndent();
        else this.put(char);
        spaces = true;
      } else if (isBreak(char)) {
        if (!breaks && char === "\n") this.putBreak();
        this.writeBreak(char);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(char);
        this.indention = false;
        [spaces, breaks] = [false, false];
      }
    });
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(text: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true);
    const chars = Array.from(text);
    let [spaces, breaks] = [false, false];
    chars.forEach((char, i) => {
      if (char === " ") {
        const inside = i !== 0 && i !== chars.length - 1;
        if (allowBreaks && !spaces && this.column > this.bestWidth && inside && chars[i + 1] !== " ") {
          this.writeIndent();
        } else this.put(char);
        spaces = true;
      } else if (isBreak(char)) {
        if (!breaks && char === "\n") this.putBreak();
        this.writeBreak(char);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(char === "'" ? "''" : char);
        this.indention = false;
        [spaces, breaks] = [false, false];
      }
    });
    if (breaks) this.writeIndent();
    this.writeIndicator("'", false);
  }

  private writeDoubleQuoted(text: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true);
    const chars = Array.from(text);
    let spaces = false;
    chars.forEach((char, i) => {
      const code = char.codePointAt(0) ?? 0;
      if (!isPrintable(code) || code === 0xfeff || isBreak(char) || char === '"' || char === "\\") {
        this.put(escapeCharacter(code));
        spaces = false;
      } else if (char === " ") {
        if (allowBreaks && !spaces && this.column > this.bestWidth && i !== 0 && i !== chars.length - 1) {
          this.writeIndent();
          if (chars[i + 1] === " ") this.put("\\");
        } else this.put(char);
        spaces = true;
      } else {
        this.put(char);
        spaces = false;
      }
    });
    this.writeIndicator('"', false);
  }
}

// yaml.dump(value, Dumper=AnsibleDumper, allow_unicode=True, …) as Ansible's YAML filters call it.
export function dumpYaml(value: unknown, options: YamlDumpOptions): string {
  return new YamlEmitter(options).dump(value);
}
