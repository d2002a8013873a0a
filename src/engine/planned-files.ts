// Files that earlier operations of a host's plan will write. A later operation reading the same
// path plans against what those will leave, not against the facts gathered before the run: two
// files.line edits of one file then both apply, the second on the first one's output.
import { contentLimit, FileContents, type FileContentsInfo } from "../facts/files.js";
import type { Command, FactLookup } from "../operations/operation.js";
import { sha256 } from "../util/sha256.js";

export class PlannedFiles {
  private readonly written = new Map<string, FileContentsInfo>();

  // Remembers the files an operation that will run writes; `before` reads the path as it stands.
  record(commands: readonly Command[], before: FactLookup): void {
    for (const command of commands) {
      if (command.type !== "file") continue;
      const content = Buffer.from(command.content, "base64");
      const previous = this.readThrough(command.path, before);
      const base = previous || { user: "", group: "", mode: 644, mtime: "" };
      this.written.set(command.path, {
        user: command.user ?? base.user,
        group: command.group ?? base.group,
        mode: command.mode === undefined ? base.mode : Number(command.mode),
        size: content.length,
        mtime: base.mtime,
        sha256: sha256(content),
        content: content.length <= contentLimit ? command.content : null,
      });
    }
  }

  // The lookup an operation plans with: FileContents of a path written earlier in the plan comes
  // from that write; every other fact from `facts`.
  lookup(facts: FactLookup): FactLookup {
    return {
      get: (fact, args) => {
        const path = (args as { path?: unknown } | undefined)?.path;
        if (fact === (FileContents as unknown) && typeof path === "string" && this.written.has(path))
          return this.written.get(path) as never;
        return facts.get(fact, args);
      },
    };
  }

  private readThrough(path: string, facts: FactLookup): FileContentsInfo | false | null {
    if (this.written.has(path)) return this.written.get(path) ?? null;
    try {
      return facts.get(FileContents, { path });
    } catch {
      // The operation did not read the path (files.put, files.template read it; others may not).
      return null;
    }
  }
}
