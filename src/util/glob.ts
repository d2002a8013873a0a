// Shell-style globs for host names: `*` and `?` match any characters (including `/`), `[…]` a set.

// Tells whether a pattern uses glob syntax at all.
export function isGlob(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

// Why a pattern is not a glob infra-action can use ("[" never closed, a range out of order), or
// undefined when it is one.
export function findGlobProblem(pattern: string): string | undefined {
  const compiled = compileGlob(pattern);
  return typeof compiled === "string" ? compiled : undefined;
}

// Compiles a glob to an anchored regular expression; throws on a pattern findGlobProblem refuses.
export function globToRegExp(pattern: string): RegExp {
  const compiled = compileGlob(pattern);
  if (typeof compiled === "string") throw new Error(`glob ${pattern} is not valid: ${compiled}`);
  return compiled;
}

function compileGlob(pattern: string): RegExp | string {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] ?? "";
    if (char === "*") source += ".*";
    else if (char === "?") source += ".";
    else if (char === "[") {
      // A "]" right after "[" (or "[!") belongs to the set, as in the shell.
      const first = pattern[i + 1] === "!" ? i + 2 : i + 1;
      const end = pattern.indexOf("]", first + 1);
      if (end < 0) return `the "[" at character ${i + 1} is never closed`;
      const body = pattern.slice(first, end).replace(/[\\\]^[]/g, "\\$&");
      source += `[${first === i + 2 ? "^" : ""}${body}]`;
      i = end;
    } else source += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  try {
    return new RegExp(`^${source}$`);
  } catch (error) {
    // "Invalid regular expression: /^web-[9-1]$/: Range out of order in character class" → its reason.
    const reason = (error as Error).message.replace(/^.*: /, "");
    return reason.charAt(0).toLowerCase() + reason.slice(1);
  }
}
