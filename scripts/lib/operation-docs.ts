// Reads the operations' argument types and their doc comments (the hover help) from
// src/operations/arg-types.ts with the TypeScript compiler, for the README generator and the docs test.
// Plain erasable TypeScript with no relative imports, so `node` runs it as it is (type stripping).
import ts from "typescript";

/** One argument of an operation, as its type declares it. */
export interface ArgumentDoc {
  /** The argument's name (`"packages"`), or `"*"` for an index signature (any other argument). */
  name: string;
  /** The argument's type as the compiler prints it (`string`, `StringOrList`, `boolean`). */
  type: string;
  /** Whether a deploy file must give it (the property is not optional). */
  required: boolean;
  /** Its doc comment, or `""` when it has none. */
  doc: string;
}

/** One operation's entry in the `OperationFamilies` interface. */
export interface OperationTypeDoc {
  /** The full name, `"files.template"`. */
  name: string;
  /** The doc comment on the operation's entry (its hover help), or `""`. */
  doc: string;
  /** Its own arguments in declaration order (global arguments are not listed). */
  arguments: ArgumentDoc[];
}

/** One family's entry in the `OperationFamilies` interface. */
export interface FamilyTypeDoc {
  /** The family's name, `"files"`. */
  name: string;
  /** Its doc comment, `"files.*: files, directories, …"`, or `""`. */
  doc: string;
}

/** What arg-types.ts declares: every operation's arguments, and the global arguments. */
export interface OperationTypeDocs {
  /** The families in declaration order. */
  families: FamilyTypeDoc[];
  /** Operations in declaration order: families as `OperationFamilies` lists them, operations as each family's interface does. */
  operations: OperationTypeDoc[];
  /** The arguments every operation takes (`GlobalArgsInput`). */
  globals: ArgumentDoc[];
}

// One line of documentation from a symbol's doc comment (line breaks folded into spaces).
function docOf(symbol: ts.Symbol, checker: ts.TypeChecker): string {
  return oneLine(ts.displayPartsToString(symbol.getDocumentationComment(checker)));
}

// Folds whitespace runs (line breaks of a wrapped comment) into single spaces.
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

// A type as a short text: an inline object type is "object" (its members are documented where it is declared).
function typeText(type: ts.Type, checker: ts.TypeChecker): string {
  const text = checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
  return text.startsWith("{") ? "object" : text.replace(/Buffer<ArrayBufferLike>/g, "Buffer");
}

// The arguments a type holds: its properties (through intersections and aliases), then its index signatures.
function argumentsOf(type: ts.Type, checker: ts.TypeChecker, at: ts.Node): ArgumentDoc[] {
  const properties = checker.getPropertiesOfType(type).map((property) => {
    const declared = checker.getTypeOfSymbolAtLocation(property, at);
    return {
      name: property.getName(),
      type: typeText(checker.getNonNullableType(declared), checker),
      required: (property.flags & ts.SymbolFlags.Optional) === 0,
      doc: docOf(property, checker),
    };
  });
  // `Record<string, never>` (an operation without arguments) declares an index signature that admits nothing.
  const open = checker.getIndexInfosOfType(type).filter((info) => (info.type.flags & ts.TypeFlags.Never) === 0);
  const rest = open.map((info) => ({
    name: "*",
    type: checker.typeToString(info.type),
    required: false,
    doc: info.declaration
      ? oneLine(
          ts
            .getJSDocCommentsAndTags(info.declaration)
            .map((node) => (ts.isJSDoc(node) ? (ts.getTextOfJSDocComment(node.comment) ?? "") : ""))
            .join(" "),
        )
      : "",
  }));
  return [...properties, ...rest];
}

// The type of the interface of that name declared in the file, or an error naming it.
function interfaceType(file: ts.SourceFile, name: string, checker: ts.TypeChecker): ts.Type {
  const found = file.statements.find(
    (statement): statement is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(statement) && statement.name.text === name,
  );
  if (!found) throw new Error(`${file.fileName} declares no interface ${name}`);
  return checker.getTypeAtLocation(found.name);
}

// Reads every operation's arguments and doc comments from the argument types file.
export function readOperationTypeDocs(file = "src/operations/arg-types.ts"): OperationTypeDocs {
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ["node"],
    skipLibCheck: true,
  });
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`cannot read ${file}`);
  const checker = program.getTypeChecker();
  const families = interfaceType(source, "OperationFamilies", checker);
  const familyDocs = checker
    .getPropertiesOfType(families)
    .map((family) => ({ name: family.getName(), doc: docOf(family, checker) }));
  const operations = checker.getPropertiesOfType(families).flatMap((family) => {
    const familyType = checker.getTypeOfSymbolAtLocation(family, source);
    return checker.getPropertiesOfType(familyType).map((operation) => ({
      name: `${family.getName()}.${operation.getName()}`,
      doc: docOf(operation, checker),
      arguments: argumentsOf(checker.getTypeOfSymbolAtLocation(operation, source), checker, source),
    }));
  });
  const globals = argumentsOf(interfaceType(source, "GlobalArgsInput", checker), checker, source);
  return { families: familyDocs, operations, globals };
}
