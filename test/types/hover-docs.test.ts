// Hover help: the declarations deploy files see for "infra-action" (emitted from src as the build does)
// carry a doc comment on every operation, argument, global argument and fact, and an editor shows it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
let dir: string;
let service: ts.LanguageService;
let checker: ts.TypeChecker;
let program: ts.Program;

const deploy = `import { files, host, server } from "infra-action";
files.template({ src: "templates/app.conf.j2", dest: "/etc/app.conf", _sudo: true });
server.shell({ commands: "true" });
await host.getFact("File", { path: "/etc/app.conf", _sudo_user: "app", _sudo: true });
`;

// Emits the declarations of src/index.ts into a package under a temp node_modules, as the build does.
function emitPackage(target: string): void {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, "tsconfig.types.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error("cannot read tsconfig.types.json");
  const emitted = ts.createProgram(config.fileNames, { ...config.options, outDir: join(target, "types") }).emit();
  if (emitted.emitSkipped) throw new Error("declaration emit was skipped");
  writeFileSync(
    join(target, "package.json"),
    JSON.stringify({ name: "infra-action", type: "module", types: "./types/index.d.ts" }),
  );
}

function startService(projectDir: string): ts.LanguageService {
  const deployPath = join(projectDir, "deploy.ts");
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
    typeRoots: [join(root, "node_modules/@types")],
    types: ["node"],
  };
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [deployPath],
    getScriptVersion: () => "1",
    getScriptSnapshot: (path) => {
      const text = ts.sys.readFile(path);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => projectDir,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  return ts.createLanguageService(host, ts.createDocumentRegistry());
}

function docOf(symbol: ts.Symbol): string {
  return ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
}

function declarationFile(path: string): ts.SourceFile {
  const file = program.getSourceFile(join(dir, "node_modules/infra-action/types", path));
  if (!file) throw new Error(`no emitted declarations for ${path}`);
  return file;
}

function exported(file: ts.SourceFile, name: string): ts.Symbol {
  const moduleSymbol = checker.getSymbolAtLocation(file);
  const symbol = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((s) => s.name === name);
  if (!symbol) throw new Error(`${file.fileName} exports no ${name}`);
  return symbol;
}

// The properties of `type` without a doc comment, as "prefix.name", following inline object types.
function undocumented(type: ts.Type, prefix: string, depth = 0): string[] {
  const missing: string[] = [];
  for (const property of checker.getPropertiesOfType(type)) {
    const name = `${prefix}.${property.name}`;
    if (!docOf(property)) missing.push(name);
    const inner = checker.getNonNullableType(checker.getTypeOfSymbol(property));
    const literal = inner.getSymbol()?.flags ?? 0;
    if (depth < 2 && literal & ts.SymbolFlags.TypeLiteral) missing.push(...undocumented(inner, name, depth + 1));
  }
  return missing;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "infra-action-hover-"));
  const packageDir = join(dir, "node_modules/infra-action");
  mkdirSync(packageDir, { recursive: true });
  emitPackage(packageDir);
  mkdirSync(dirname(join(dir, "deploy.ts")), { recursive: true });
  writeFileSync(join(dir, "deploy.ts"), deploy);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  service = startService(dir);
  const built = service.getProgram();
  if (!built) throw new Error("no program");
  program = built;
  checker = program.getTypeChecker();
}, 120_000);

afterAll(() => {
  service?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("published types carry hover help", () => {
  it("every operation family, operation and every one of its arguments", () => {
    const argTypes = declarationFile("operations/arg-types.d.ts");
    const familiesType = checker.getDeclaredTypeOfSymbol(exported(argTypes, "OperationFamilies"));
    const families = checker.getPropertiesOfType(familiesType);
    const missing: string[] = [];
    let count = 0;
    for (const family of families) {
      if (!docOf(family)) missing.push(family.name);
      for (const operation of checker.getPropertiesOfType(checker.getTypeOfSymbol(family))) {
        count++;
        const name = `${family.name}.${operation.name}`;
        if (!docOf(operation)) missing.push(name);
        missing.push(...undocumented(checker.getTypeOfSymbol(operation), name));
      }
    }
    expect(missing).toEqual([]);
    // The flat names ("files.template") are the same operations.
    const flat = checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(exported(argTypes, "OperationArgs")));
    expect(flat.length).toBe(count);
    expect(count).toBeGreaterThan(30);
  });

  it("every global argument", () => {
    const globals = checker.getDeclaredTypeOfSymbol(
      exported(declarationFile("operations/arg-types.d.ts"), "GlobalArgsInput"),
    );
    expect(checker.getPropertiesOfType(globals).map((p) => p.name)).toContain("_sudo");
    expect(undocumented(globals, "GlobalArgsInput")).toEqual([]);
  });

  it("every built-in fact, its arguments and what it gives", () => {
    const facts = checker.getTypeOfSymbol(exported(declarationFile("facts/index.d.ts"), "facts"));
    const names = checker.getPropertiesOfType(facts);
    expect(names.length).toBeGreaterThan(30);
    const missing: string[] = [];
    // As host.getFact sees them: each fact of the map, and the properties of its arguments (Fact<Args, Result>).
    for (const fact of names) {
      if (!docOf(fact)) missing.push(`facts.${fact.name}`);
      const [args] = checker.getTypeArguments(checker.getTypeOfSymbol(fact) as ts.TypeReference);
      if (args && args.flags & ts.TypeFlags.Object) missing.push(...undocumented(args, `${fact.name}(args)`));
    }
    // Each fact's own export, and every interface the fact modules export (what facts give).
    for (const path of [
      "server",
      "files",
      "packages",
      "services",
      "same-file",
      "system",
      "hardware",
      "network",
      "access",
      "deb-package",
      "git",
      "ssh",
    ]) {
      const file = declarationFile(`facts/${path}.d.ts`);
      const moduleSymbol = checker.getSymbolAtLocation(file);
      for (const symbol of moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : []) {
        const isFact = names.some((n) => n.name === symbol.name);
        const isInterface = (symbol.flags & ts.SymbolFlags.Interface) !== 0;
        if ((isFact || isInterface) && !docOf(symbol)) missing.push(`${path}.${symbol.name}`);
        if (isInterface) missing.push(...undocumented(checker.getDeclaredTypeOfSymbol(symbol), symbol.name));
      }
    }
    expect(missing).toEqual([]);
  });

  it("an editor shows files.template's src and a fact's argument on hover", () => {
    const deployPath = join(dir, "deploy.ts");
    const hover = (needle: string) => {
      const info = service.getQuickInfoAtPosition(deployPath, deploy.indexOf(needle) + 1);
      return ts.displayPartsToString(info?.documentation ?? []);
    };
    const problems = service
      .getSemanticDiagnostics(deployPath)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
    const shown = service.getQuickInfoAtPosition(deployPath, deploy.indexOf("src:") + 1);
    expect(ts.displayPartsToString(shown?.displayParts ?? [])).toContain("src: string");
    expect(hover("src:")).toMatch(/template/i);
    expect(hover("dest:")).not.toBe("");
    expect(hover("_sudo:")).toMatch(/sudo/i);
    expect(hover("template(")).toMatch(/Jinja2/);
    expect(hover("shell(")).toMatch(/shell commands/);
    expect(hover("path:")).toMatch(/path on the host/);
    expect(hover("getFact(")).toMatch(/fact about the host/);
    expect(hover("_sudo_user:")).toMatch(/as this user/);
  });
});
