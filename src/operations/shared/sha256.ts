// The SHA-256 of bytes, as facts report it (hex), to compare local content with a remote file.
import { createHash } from "node:crypto";

// Hex SHA-256 of `content`.
export function sha256(content: Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}
