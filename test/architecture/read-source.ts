// Reads what the architecture rules look at in one TypeScript file: its imports (static, re-exports,
// dynamic with a literal, `import("…")` types, `require("…")`) and its uses of the process (exit,
// signal handlers).
import ts from "typescript";

export interface ImportLine {
  line: number;
  specifier: string;
}

export interface ProcessUse {
  line: number;
  // What the code does, as written: "process.exit(…)", `process.on("SIGINT", …)`.
  what: string;
}

export interface SourceFacts {
  imports: ImportLine[];
  processUses: ProcessUse[];
}

const signalListeners = new Set(["on", "once", "addListener", "prependListener", "prependOnceListener"]);

// The imports and process uses of one file's text, each with its 1-based line.
export function readSource(file: string, text: string): SourceFacts {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const imports: ImportLine[] = [];
  const processUses: ProcessUse[] = [];
  const visit = (node: ts.Node): void => {
    const specifier = importedSpecifier(node);
    if (specifier !== undefined) imports.push({ line: lineOf(node), specifier });
    const use = processUse(node);
    if (use) processUses.push({ line: lineOf(node), what: use });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports, processUses };
}

// The module a node imports, when it is an import of any kind with a literal specifier.
function importedSpecifier(node: ts.Node): string | undefined {
  if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
    return ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
  }
  const isRequire = (call: ts.CallExpression) => ts.isIdentifier(call.expression) && call.expression.text === "require";
  if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || isRequire(node))) {
    const [first] = node.arguments;
    return first && ts.isStringLiteralLike(first) ? first.text : undefined;
  }
  if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
    const literal = node.argument.literal;
    return ts.isStringLiteral(literal) ? literal.text : undefined;
  }
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
    const expression = node.moduleReference.expression;
    return ts.isStringLiteral(expression) ? expression.text : undefined;
  }
  return undefined;
}

// `process.exit(…)` or a signal listener (`process.on("SIGTERM", …)`, or an event not written as a
// literal, which may be one), as written; else undefined.
function processUse(node: ts.Node): string | undefined {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  const { expression: target, name } = node.expression;
  if (!ts.isIdentifier(target) || target.text !== "process") return undefined;
  if (name.text === "exit" || name.text === "reallyExit") return `process.${name.text}(…)`;
  if (!signalListeners.has(name.text)) return undefined;
  const [event] = node.arguments;
  if (!event) return undefined;
  if (!ts.isStringLiteralLike(event)) return `process.${name.text}(${event.getText()}, …)`;
  return event.text.startsWith("SIG") ? `process.${name.text}(${JSON.stringify(event.text)}, …)` : undefined;
}
