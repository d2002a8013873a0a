// Writes a throwaway project directory (files by relative path) for loader and inventory tests.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll } from "vitest";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

// Creates the files under a new temporary directory and returns its path; removed after the file's tests.
export function tempProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "infra-action-test-"));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}
