import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    // Test files share the test machines (one sshd, the Docker engine, this host's apply lock);
    // checks for leftovers must not see another file's run in progress.
    fileParallelism: false,
  },
});
