// Where the test environment lives on disk and the names it gives Docker: read by every step of
// `node scripts/test-env.mjs`.
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// The repository's root directory.
export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
// .test-env/: logs, keys, known_hosts files and env.json (git-ignored).
export const envDir = join(repoRoot, ".test-env");
// The keys made once by `up`.
export const keysDir = join(envDir, "keys");
// What the tests read (test/helpers/test-env.ts).
export const envFile = join(envDir, "env.json");
// The helper that lets ssh read a password or passphrase from the environment.
export const askpassFile = join(envDir, "askpass.sh");

// The Debian release of the test image.
export const SUITE = "bookworm";
// The test image's repository, and the tag the tests and the benchmark use.
export const IMAGE_REPO = "infra-action-test/debian";
export const IMAGE = `${IMAGE_REPO}:${SUITE}`;
// The only address the servers listen on.
export const LOOPBACK = "127.0.0.1";
// The prefix of the labels set on the sshd containers.
export const LABEL = "infra-action-test";
