// Scripts the engine runs (the fact batch, the apply script) frame each part's output with markers:
// `\n@@<nonce>:begin:<i>\n` … `\n@@<nonce>:end:<i>:<exit code>\n`.

export interface MarkedSection {
  output: string;
  // Undefined when the end marker never came (the script stopped inside this part).
  exitCode?: number;
}

// Part `index`'s output and exit code, or undefined when it never began.
export function markedSection(text: string, nonce: string, index: number): MarkedSection | undefined {
  const begin = `@@${nonce}:begin:${index}\n`;
  const end = `\n@@${nonce}:end:${index}:`;
  const from = text.indexOf(begin);
  if (from < 0) return undefined;
  const start = from + begin.length;
  const to = text.indexOf(end, start);
  if (to < 0) return { output: text.slice(start) };
  return { output: text.slice(start, to), exitCode: Number(/^(\d+)/.exec(text.slice(to + end.length))?.[1] ?? 255) };
}
