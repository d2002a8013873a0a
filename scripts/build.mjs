// Bundles dist/index.js (the action) and dist/cli.js (the CLI) with esbuild, and emits the type
// declarations deploy files see for "infra-action" into types/.
// `--check` builds aside and fails when the committed dist/ or types/ differs from a fresh build.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const check = process.argv.includes("--check");
const shared = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node24",
  legalComments: "none",
  // Prefer packages' ES module builds (some ship UMD as "main", which does not bundle).
  mainFields: ["module", "main"],
  // ssh2's optional native crypto binding: absent from the bundle, ssh2 falls back to pure JavaScript.
  external: ["*.node", "cpu-features"],
  charset: "utf8",
  write: !check,
  outdir: "dist",
  // Bundled CommonJS dependencies call require() and read __dirname; give them both in the ESM bundle.
  banner: {
    js: [
      'import { createRequire as __createRequire } from "node:module";',
      'import { fileURLToPath as __fileURLToPath } from "node:url";',
      "const require = __createRequire(import.meta.url);",
      "const __filename = __fileURLToPath(import.meta.url);",
      'const __dirname = __fileURLToPath(new URL(".", import.meta.url));',
    ].join("\n"),
  },
};

const results = await Promise.all([
  build({ ...shared, entryPoints: { index: "src/action/main.ts", "loader-hooks": "src/loader/off-thread-hooks.ts" } }),
  build({
    ...shared,
    entryPoints: { cli: "src/cli/bin.ts" },
    banner: { js: `#!/usr/bin/env node\n${shared.banner.js}` },
  }),
]);

if (!check) chmodSync("dist/cli.js", 0o755);

const typesDir = check ? mkdtempSync(join(tmpdir(), "infra-action-types-")) : "types";
if (!check) rmSync("types", { recursive: true, force: true });
execFileSync(
  process.execPath,
  [fileURLToPath(import.meta.resolve("typescript/bin/tsc")), "-p", "tsconfig.types.json", "--outDir", typesDir],
  { stdio: "inherit" },
);

if (check) {
  const read = (path) => {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
  };
  const fresh = [
    ...results.flatMap((result) => result.outputFiles).map((out) => [relative(process.cwd(), out.path), out.text]),
    ...listFiles(typesDir).map((path) => [join("types", relative(typesDir, path)), read(path)]),
  ];
  const committed = listFiles("types");
  const stale = [
    ...fresh.filter(([path, text]) => read(path) !== text).map(([path]) => path),
    ...committed.filter((path) => !fresh.some(([p]) => p === path)),
  ];
  rmSync(typesDir, { recursive: true, force: true });
  if (stale.length) {
    console.error(
      `dist/ or types/ differs from a fresh build (${stale.join(", ")}). Run \`npm run build\` and commit dist/ and types/.`,
    );
    process.exit(1);
  }
  console.log("dist/ and types/ equal a fresh build.");
}

function listFiles(dir) {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}
