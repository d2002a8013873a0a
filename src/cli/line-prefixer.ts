// Prefixes streamed output with its host, a whole line at a time, so parallel hosts never
// interleave within a line.

// Returns a writer for chunks and a flush for the last partial line.
export function createLinePrefixer(prefix: string, write: (text: string) => void) {
  let pending = "";
  return {
    push(chunk: Buffer | string): void {
      const text = pending + chunk.toString();
      const lines = text.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) write(`${prefix}${line}\n`);
    },
    flush(): void {
      if (pending) write(`${prefix}${pending}\n`);
      pending = "";
    },
  };
}
