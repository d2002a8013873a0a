// The bench image: the test image plus python3-apt (which Ansible's apt module needs), made once per
// test image and used by both tools.
import { chmodSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { MINUTE } from "../../scripts/lib/processes.mjs";
import { shortHash } from "../../scripts/lib/short-hash.mjs";
import { fail, imageId, must, run, say } from "./output.mjs";
import { workDir } from "./paths.mjs";
import { ANSIBLE_APT_DEBS, BENCH_IMAGE_REPO, CONTAINER_PREFIX, LABEL, TEST_IMAGE } from "./settings.mjs";

// Step 3: the bench image, the test image plus python3-apt (for Ansible's apt module), made once per test image.
export async function ensureBenchImage() {
  const base = await imageId(TEST_IMAGE);
  if (!base) fail(`${TEST_IMAGE} is missing after scripts/test-env.mjs up`);
  const tag = `${BENCH_IMAGE_REPO}:${shortHash([base, ANSIBLE_APT_DEBS])}`;
  if (await imageId(tag)) {
    say(`setup: bench image ${tag} present`);
    return tag;
  }
  say(`setup: making ${tag} (${TEST_IMAGE} + ${ANSIBLE_APT_DEBS.join(", ")})`);
  const debDir = join(workDir, "debs");
  rmSync(debDir, { recursive: true, force: true });
  mkdirSync(debDir, { recursive: true });
  chmodSync(debDir, 0o777); // apt-get download drops privileges to _apt
  await must("apt-get download", "apt-get", ["download", ...ANSIBLE_APT_DEBS], { cwd: debDir, timeoutMs: 5 * MINUTE });
  const builder = `${CONTAINER_PREFIX}build`;
  await run("docker", ["rm", "-f", builder], { timeoutMs: MINUTE });
  await must(
    "installing python3-apt in the bench image",
    "docker",
    [
      ...["run", "--name", builder, "--network", "host", "--label", LABEL, "-v", `${debDir}:/debs:ro`, TEST_IMAGE],
      ...["sh", "-c", "dpkg -i /debs/*.deb && python3 -c 'import apt'"],
    ],
    { timeoutMs: 5 * MINUTE },
  );
  await must("docker commit", "docker", ["commit", "--change", 'CMD ["/bin/bash"]', builder, tag], {
    timeoutMs: 5 * MINUTE,
  });
  await run("docker", ["rm", "-f", builder], { timeoutMs: MINUTE });
  return tag;
}
