// Compiles TypeScript to JavaScript and checks syntax, with errors that point at file:line:column.
import { type ModuleDeclaration, type Pattern, type Program, parse, type Statement } from "acorn";
import { transform } from "sucrase";
import { ModuleLoadError } from "../errors.js";

export interface CheckedSource {
  code: string;
  // Names the module exports, in the order the source declares them (`export *` names are not known here).
  exportOrder: string[];
}

// Strips TypeScript syntax (sucrase keeps line numbers) and returns plain modern JavaScript.
export function compileTypeScript(source: string, file: string): string {
  try {
    return transform(source, { transforms: ["typescript"], filePath: file, disableESTransforms: true }).code;
  } catch (error) {
    throw syntaxError(file, source, error);
  }
}

// Parses JavaScript as an ES module (top-level await allowed) and lists its exports in source order.
export function checkModuleSyntax(code: string, file: string): CheckedSource {
  let program: Program;
  try {
    program = parse(code, {
      ecmaVersion: "latest",
      sourceType: "module",
      allowAwaitOutsideFunction: true,
      allowHashBang: true,
    });
  } catch (error) {
    throw syntaxError(file, code, error);
  }
  return { code, exportOrder: program.body.flatMap(exportedNames) };
}

function exportedNames(node: Statement | ModuleDeclaration): string[] {
  if (node.type === "ExportDefaultDeclaration") return ["default"];
  if (node.type !== "ExportNamedDeclaration") return [];
  if (node.specifiers.length)
    return node.specifiers.map((s) => String("name" in s.exported ? s.exported.name : s.exported.value));
  const declaration = node.declaration;
  if (!declaration) return [];
  if (declaration.type === "VariableDeclaration") return declaration.declarations.flatMap((d) => bindingNames(d.id));
  return declaration.id ? [declaration.id.name] : [];
}

function bindingNames(pattern: Pattern | null): string[] {
  switch (pattern?.type) {
    case "Identifier":
      return [pattern.name];
    case "ObjectPattern":
      return pattern.properties.flatMap((p) => bindingNames(p.type === "RestElement" ? p.argument : p.value));
    case "ArrayPattern":
      return pattern.elements.flatMap((e) => bindingNames(e));
    case "RestElement":
      return bindingNames(pattern.argument);
    case "AssignmentPattern":
      return bindingNames(pattern.left);
    default:
      return [];
  }
}

// Turns a parser's error (sucrase and acorn both give the offset `pos`) into a user error at file:line:column.
function syntaxError(file: string, source: string, error: unknown): ModuleLoadError {
  const e = error as { message?: string; pos?: number };
  const message = String(e.message ?? error)
    .replace(/^Error transforming [^:]*: /, "")
    .replace(/\s*\(\d+:\d+\)$/, "");
  const where = typeof e.pos === "number" ? `${file}:${lineColumn(source, e.pos)}` : file;
  return new ModuleLoadError(`${where}: syntax error: ${message}. Fix the syntax at that position and run again.`);
}

// The 1-based "line:column" of an offset in a text.
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return `${line}:${offset - before.lastIndexOf("\n")}`;
}
