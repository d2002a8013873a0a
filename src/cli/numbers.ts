// Numeric command line values, checked with a message naming the flag.
import { UsageError } from "../errors.js";

// A whole number of at least 1.
export function positiveInteger(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${flag} ${JSON.stringify(value)} must be a whole number of at least 1.`);
  return n;
}
