// A short digest of a value: names the image recipe and each sshd container's settings, so `up` knows
// when what it finds still matches what it would make.
import { createHash } from "node:crypto";

// A short hex digest of a value (its JSON).
export function shortHash(value, length = 12) {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, length);
}
