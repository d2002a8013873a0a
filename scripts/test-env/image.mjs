// Step 3 of `up`: the Debian test image, built with debootstrap + `docker import` only when the tag of
// its recipe is missing (cached otherwise), then tagged as the image the tests use.
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MINUTE } from "../lib/processes.mjs";
import { debianMirror } from "./apt-sources.mjs";
import { makeBuildDir, mountsUnder, removeBuildDir } from "./build-dir.mjs";
import { importRootfs } from "./docker-import.mjs";
import { DOAS_CONF, IMAGE_PACKAGES, imageTag, SSHD_DROP_IN, SUDOERS, USERS_SCRIPT } from "./image-recipe.mjs";
import { fail, imageId, must, say, shown } from "./output.mjs";
import { envDir, IMAGE, SUITE } from "./paths.mjs";

// Writes the users, sudoers, doas and sshd settings into the debootstrapped tree.
async function customizeRootfs(dir, mirror) {
  writeFileSync(join(dir, "etc/ssh/sshd_config.d/infra-action-test.conf"), SSHD_DROP_IN);
  for (const [name, content] of Object.entries(SUDOERS)) {
    writeFileSync(join(dir, "etc/sudoers.d", name), content);
    chmodSync(join(dir, "etc/sudoers.d", name), 0o440);
  }
  writeFileSync(join(dir, "etc/doas.conf"), DOAS_CONF, { mode: 0o400 });
  chmodSync(join(dir, "etc/doas.conf"), 0o400);
  const sourcesList = join(dir, "etc/apt/sources.list");
  const current = existsSync(sourcesList) ? readFileSync(sourcesList, "utf8") : "";
  if (!current.includes(mirror)) writeFileSync(sourcesList, `deb ${mirror} ${SUITE} main\n`);
  await must("setting up the image's users (chroot)", "chroot", [dir, "/bin/sh", "-c", USERS_SCRIPT]);
}

// Makes the image: debootstrap into a temporary directory, customize, import, remove the directory.
async function buildImage(tag) {
  const source = debianMirror();
  const dir = makeBuildDir();
  const logFile = join(envDir, "debootstrap.log");
  const t0 = Date.now();
  say(`image: building ${tag} with debootstrap from the mirror in ${source.file}`);
  say(`image: this takes a few minutes; log: ${shown(logFile)}`);
  try {
    const args = ["--variant=minbase", `--include=${IMAGE_PACKAGES.join(",")}`];
    if (source.keyring && existsSync(source.keyring)) args.push(`--keyring=${source.keyring}`);
    await must(
      "debootstrap",
      "debootstrap",
      [...args, SUITE, dir, source.uri],
      { logFile, timeoutMs: 15 * MINUTE },
      `Full log: ${shown(logFile)}. Check the network and this machine's apt sources, then rerun.`,
    );
    await customizeRootfs(dir, source.uri);
    const left = mountsUnder(dir);
    if (left.length > 0) fail(`debootstrap left mounts in ${dir} (${left.join(", ")}); unmount them and rerun.`);
    const id = await importRootfs(dir, tag);
    say(`image: built ${tag} (${id.slice(0, 19)}) in ${Math.round((Date.now() - t0) / 1000)} s`);
    return id;
  } finally {
    removeBuildDir(dir);
  }
}

// Makes sure the image for this recipe exists (built only when its tag is missing) and is tagged IMAGE;
// returns its id.
export async function ensureImage() {
  const tag = imageTag();
  let id = await imageId(tag);
  if (id) say(`image: ${tag} present (${id.slice(0, 19)})`);
  else id = await buildImage(tag);
  await must(`docker tag ${tag} ${IMAGE}`, "docker", ["tag", tag, IMAGE]);
  return id;
}
