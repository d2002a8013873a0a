// POSIX shell quoting: what operations and facts use to build their commands as text.

// Quotes one argument for a POSIX shell: `it's` → `'it'\''s'`. Safe for any byte string.
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
