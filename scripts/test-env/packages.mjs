// Step 1 of `up`: the Debian packages this machine needs, installed with apt-get when missing.
import { spawnSync } from "node:child_process";
import { hasBinary, MINUTE } from "../lib/processes.mjs";
import { fail, must, say } from "./output.mjs";

// Host binaries `up` needs, and the Debian package that provides each.
const HOST_TOOLS = [
  ["dockerd", "docker.io"],
  ["docker", "docker.io"],
  ["debootstrap", "debootstrap"],
  ["ssh-keygen", "openssh-client"],
  ["ssh", "openssh-client"],
  ["sshd", "openssh-server"],
  // The reliability tests: a lock held with flock, a user switch with su, a terminal with script.
  ["flock", "util-linux"],
  ["su", "util-linux"],
  ["script", "bsdutils"],
  // The Ansible parity tests render templates with Debian's Ansible (its template module is the reference).
  ["ansible-playbook", "ansible-core"],
];

// Python modules the tests import with Debian's /usr/bin/python3 (the template tests render with real
// Jinja2; the Ansible filter tests dump YAML with PyYAML's libyaml dumper), and the Debian package of each.
const PYTHON_MODULES = [
  ["jinja2", "python3-jinja2"],
  ["yaml", "python3-yaml"],
];

// Debian's python3, where Debian's python3-* packages are found (a pyenv `python3` on PATH would not see them).
const PYTHON = "/usr/bin/python3";

// Whether /usr/bin/python3 can import a module.
function hasPythonModule(name) {
  return spawnSync(PYTHON, ["-c", `import ${name}`], { stdio: "ignore", timeout: 30_000 }).status === 0;
}

// What is missing, as [[what, package]]: binaries by name, Python modules as "python3 <module>".
function missingPackages() {
  const binaries = HOST_TOOLS.filter(([binary]) => !hasBinary(binary));
  const modules = PYTHON_MODULES.filter(([module]) => !hasPythonModule(module)).map(([module, pkg]) => [
    `python3 ${module}`,
    pkg,
  ]);
  return [...binaries, ...modules];
}

// Installs the missing host packages with apt-get (one `apt-get update` first, only when needed).
export async function ensureHostPackages() {
  const missing = missingPackages();
  if (missing.length === 0) {
    const wanted = [...HOST_TOOLS.map(([binary]) => binary), ...PYTHON_MODULES.map(([module]) => `python3 ${module}`)];
    say(`packages: present (${wanted.join(", ")})`);
    return;
  }
  const packages = [...new Set(missing.map(([, pkg]) => pkg))];
  say(`packages: installing ${packages.join(" ")} (missing ${missing.map(([what]) => what).join(", ")})`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const fix = "Check this machine's apt sources and network, then rerun `node scripts/test-env.mjs up` (as root).";
  await must("apt-get update", "apt-get", ["update"], { env, timeoutMs: 5 * MINUTE }, fix);
  await must(
    `apt-get install ${packages.join(" ")}`,
    "apt-get",
    ["install", "-y", "--no-install-recommends", ...packages],
    { env, timeoutMs: 10 * MINUTE },
    fix,
  );
  const still = missingPackages().map(([what]) => what);
  if (still.length > 0) fail(`after apt-get install, still missing: ${still.join(", ")}`);
}
