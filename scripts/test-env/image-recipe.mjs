// What goes into the test image (packages, sshd settings, users, sudoers) and the tag naming that
// recipe: change any of it and the next `up` builds a new image.

import { shortHash } from "../lib/short-hash.mjs";
import { USERS } from "./accounts.mjs";
import { IMAGE_REPO, SUITE } from "./paths.mjs";

// Debian packages of the test image (debootstrap resolves their dependencies). iproute2 is left out on purpose.
export const IMAGE_PACKAGES = [
  "openssh-server",
  "sudo",
  "git",
  "procps",
  "python3",
  "python3-venv",
  "cron",
  "ca-certificates",
  "curl",
  // Archive formats for files.unarchive, locales for server.locale, and the init systems runit and OpenRC for
  // their service operations.
  "unzip",
  "xz-utils",
  "bzip2",
  "locales",
  "runit",
  "openrc",
  // doas, for the _doas and _doas_user global arguments.
  "opendoas",
];

// sshd settings of the image (a drop-in: Debian's sshd_config includes sshd_config.d/*.conf first, and the
// first value of a setting wins). UsePAM no: Debian's PAM session stack (pam_loginuid) fails in containers.
export const SSHD_DROP_IN = `# infra-action integration tests
UsePAM no
PasswordAuthentication yes
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin no
AllowTcpForwarding yes
MaxSessions 50
MaxStartups 100:30:200
`;

// Run inside the debootstrapped tree (chroot) to make the users. With UsePAM no, sshd refuses every login
// to an account whose password starts with "!" (useradd's locked default), so deploy gets "*" (no password).
export const USERS_SCRIPT = `set -e
useradd --create-home --home-dir /home/deploy --shell /bin/bash deploy
usermod --password '*' deploy
install -d -m 700 -o deploy -g deploy /home/deploy/.ssh
useradd --create-home --home-dir /home/pwuser --shell /bin/bash pwuser
echo 'pwuser:${USERS.pwuser.password}' | chpasswd
rm -f /etc/ssh/ssh_host_*
install -d -m 755 /run/sshd
rm -f /var/cache/apt/archives/*.deb
`;

// The files written into /etc/sudoers.d/ of the image.
export const SUDOERS = {
  "infra-action-deploy": "deploy ALL=(ALL:ALL) NOPASSWD:ALL\n",
  "infra-action-pwuser": "pwuser ALL=(ALL:ALL) ALL\n",
};

// /etc/doas.conf of the image: deploy may run commands as root and as pwuser without a password.
export const DOAS_CONF = "permit nopass deploy as root\npermit nopass deploy as pwuser\n";

// The image's tag for this recipe: a short hash of the package list and of everything the build writes.
export function imageTag() {
  return `${IMAGE_REPO}:${SUITE}-${shortHash([SUITE, IMAGE_PACKAGES, SSHD_DROP_IN, USERS_SCRIPT, SUDOERS, DOAS_CONF])}`;
}
