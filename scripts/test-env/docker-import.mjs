// Turns a root file system directory into a Docker image: `tar` piped into `docker import`.
import { spawn } from "node:child_process";
import { MINUTE, tail } from "../lib/processes.mjs";
import { SetupError } from "./output.mjs";

// Streams a directory as a tar archive into `docker import` and returns the new image id.
export function importRootfs(dir, tag) {
  return new Promise((resolve, reject) => {
    const changes = [
      "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "ENV LANG=C.UTF-8",
      'CMD ["/bin/bash"]',
    ].flatMap((change) => ["--change", change]);
    const tar = spawn("tar", ["--numeric-owner", "-C", dir, "-c", "."], { stdio: ["ignore", "pipe", "pipe"] });
    const importer = spawn("docker", ["import", ...changes, "-", tag], { stdio: ["pipe", "pipe", "pipe"] });
    tar.stdout.pipe(importer.stdin);
    let output = "";
    for (const stream of [tar.stderr, importer.stdout, importer.stderr]) {
      stream.on("data", (chunk) => {
        output += chunk;
      });
    }
    const timer = setTimeout(() => {
      tar.kill("SIGKILL");
      importer.kill("SIGKILL");
    }, 10 * MINUTE);
    let tarCode;
    tar.on("close", (code) => {
      tarCode = code;
    });
    tar.on("error", reject);
    importer.on("error", reject);
    importer.on("close", (code) => {
      clearTimeout(timer);
      const id = /sha256:[0-9a-f]{64}/.exec(output)?.[0];
      if (code === 0 && tarCode === 0 && id) resolve(id);
      else
        reject(new SetupError(`tar | docker import ${tag} failed (tar ${tarCode}, docker ${code}):\n${tail(output)}`));
    });
  });
}
