// The temporary directory an image is debootstrapped into: made, and removed without ever deleting
// through a mount point that debootstrap left behind, also when `up` is interrupted.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fail } from "./output.mjs";

// The build directory in use, if any.
let current;

// The mount points at or under a directory (deepest first), from /proc/mounts.
export function mountsUnder(dir) {
  const mounts = readFileSync("/proc/mounts", "utf8")
    .split("\n")
    .map((line) => line.split(" ")[1]?.replace(/\\040/g, " "))
    .filter((point) => point && (point === dir || point.startsWith(`${dir}/`)));
  return mounts.sort((a, b) => b.length - a.length);
}

// Makes a new build directory under the system's temporary directory and remembers it.
export function makeBuildDir() {
  current = mkdtempSync(join(tmpdir(), "infra-action-test-rootfs-"));
  return current;
}

// Removes a build directory, first unmounting what debootstrap may have left mounted in it.
export function removeBuildDir(dir) {
  for (const point of mountsUnder(dir)) spawnSync("umount", ["-l", point], { timeout: 30_000 });
  const left = mountsUnder(dir);
  if (left.length > 0) fail(`${dir} still has mounts (${left.join(", ")}); unmount them and remove it by hand.`);
  rmSync(dir, { recursive: true, force: true });
  current = undefined;
}

// Removes the build directory in use, if any (for the interrupt handler).
export function removeCurrentBuildDir() {
  if (current) removeBuildDir(current);
}
