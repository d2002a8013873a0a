// The operations that are checked by JSON fixtures only, each with why it cannot be applied for real in
// infra-action's test environment (Debian containers, traffic to 127.0.0.0/8 only). Every other operation
// is applied twice by an integration test (test/operations/apply-twice-coverage.test.ts holds both to it),
// and the README's operation table marks exactly these "fixture-tested".
export const fixtureOnlyOperations: Readonly<Record<string, string>> = {
  "apk.packages": "apk cannot run on the Debian test image",
  "dnf.packages": "dnf cannot run on the Debian test image",
  "dnf.key": "rpm --import needs an RPM host; the Debian test image has no rpm database",
  "dnf.rpm": "dnf cannot run on the Debian test image",
  "yum.packages": "yum cannot run on the Debian test image",
  "yum.key": "rpm --import needs an RPM host; the Debian test image has no rpm database",
  "yum.rpm": "yum cannot run on the Debian test image",
  "pacman.packages": "pacman cannot run on the Debian test image",
  "zypper.packages": "zypper cannot run on the Debian test image",
  "apt.ppa": "add-apt-repository looks a PPA up on launchpad.net, and tests reach 127.0.0.0/8 only",
  "server.modprobe": "a container can neither read /proc/modules nor load kernel modules",
  "server.reboot": "a test container has no boot to come back from",
  "systemd.service": "systemd does not run as PID 1 in the test containers",
  "systemd.daemon_reload": "systemd does not run as PID 1 in the test containers",
};
