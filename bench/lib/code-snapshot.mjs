// The code measured: a copy of dist/*.js made at the start, the commit it comes from, and the
// bundles' sizes.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fail, run, say } from "./output.mjs";
import { distDir, repoRoot } from "./paths.mjs";
import { SECOND } from "./settings.mjs";

// Copies dist/*.js to bench/.work/dist and says which code it is: the commit, whether dist/ and src/
// differ from it, and a hash of the bundles.
export async function snapshotDist() {
  const dist = join(repoRoot, "dist");
  if (!existsSync(join(dist, "cli.js"))) fail("dist/cli.js is missing: run `npm run build` first.");
  rmSync(distDir, { recursive: true, force: true });
  mkdirSync(distDir, { recursive: true });
  const hash = createHash("sha256");
  for (const file of readdirSync(dist)
    .filter((f) => f.endsWith(".js"))
    .sort()) {
    copyFileSync(join(dist, file), join(distDir, file));
    hash.update(file).update(readFileSync(join(distDir, file)));
  }
  const head = await run("git", ["rev-parse", "HEAD"], { timeoutMs: 30 * SECOND });
  const dirty = await run("git", ["status", "--porcelain", "--", "dist", "src"], { timeoutMs: 30 * SECOND });
  const code = {
    commit: head.stdout.trim() || undefined,
    uncommittedChanges: dirty.stdout.trim() !== "",
    bundlesSha256: hash.digest("hex").slice(0, 16),
  };
  say(
    `setup: measuring dist/ of ${code.commit?.slice(0, 12) ?? "an unknown commit"}` +
      `${code.uncommittedChanges ? " with uncommitted changes in dist/ or src/" : ""} (bundles ${code.bundlesSha256})`,
  );
  return code;
}

// The sizes of the bundled dist/*.js files.
export function bundleSizes() {
  return Object.fromEntries(
    readdirSync(distDir)
      .filter((f) => f.endsWith(".js"))
      .sort()
      .map((f) => [f, statSync(join(distDir, f)).size]),
  );
}
