// The SHA-256 of bytes, as facts report it (hex): a fetched file's hash, and local content to compare with it.
import { createHash } from "node:crypto";

// Hex SHA-256 of `content`.
export function sha256(content: Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}
