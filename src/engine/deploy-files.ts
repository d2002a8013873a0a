// Deploy files are checked once, before any host is contacted: a missing one is one error for the
// run, not the same failure on every host.
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { ModuleLoadError } from "../errors.js";
import { displayPath } from "../util/display-path.js";

// Throws a ModuleLoadError naming every deploy file that is missing (or a directory).
export function checkDeployFiles(files: readonly string[]): void {
  const paths = files.map((file) => resolve(file));
  const missing = paths.filter((path) => !existsSync(path)).map(displayPath);
  if (missing.length) {
    const which =
      missing.length === 1
        ? `deploy file ${missing[0]} does not exist`
        : `deploy files ${missing.join(", ")} do not exist`;
    throw new ModuleLoadError(`${which}. Check the path (it is relative to ${process.cwd()}); no host was contacted.`);
  }
  const directory = paths.find((path) => !statSync(path).isFile());
  if (directory)
    throw new ModuleLoadError(
      `deploy file ${displayPath(directory)} is a directory; give the path of a file inside it. No host was contacted.`,
    );
}
