// Paths as the user would type them, for messages.
import { relative } from "node:path";

// A path as the user would type it: relative to the working directory when inside it.
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
}
