// Holds src/ to the house of ARCHITECTURE.md: every import between parts is an allowed arrow, no
// never-rule is broken, only the faces exit the process or handle its signals. No exceptions list.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { checkArchitecture, type SourceFile } from "./architecture/check-architecture.js";

const root = join(import.meta.dirname, "..");

// Every .ts file under a folder, as paths relative to the repository root.
function listSources(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return listSources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

test("src/ keeps the house: allowed arrows only, no never-rule broken", () => {
  const files: SourceFile[] = listSources("src").map((path) => ({
    path,
    text: readFileSync(join(root, path), "utf8"),
  }));
  expect(files.length).toBeGreaterThan(50);
  expect(checkArchitecture(files)).toEqual([]);
});
