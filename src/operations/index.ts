// Every operation, by family, as deploy files call them (apt.packages, files.template, …).
import * as apt from "./apt.js";
import * as files from "./files/index.js";
import * as git from "./git.js";
import type { OperationDefinition } from "./operation.js";
import * as pip from "./pip.js";
import { apkPackages, dnfPackages, yumPackages } from "./rpm-apk.js";
import * as server from "./server.js";
import * as systemd from "./systemd.js";

export const operationFamilies = {
  server: {
    shell: server.shell,
    script: server.script,
    user: server.user,
    group: server.group,
    packages: server.packages,
    service: server.service,
    hostname: server.hostname,
    sysctl: server.sysctl,
    crontab: server.crontab,
    reboot: server.reboot,
    wait: server.wait,
  },
  apt: { packages: apt.packages, update: apt.update, upgrade: apt.upgrade, repo: apt.repo, key: apt.key },
  dnf: { packages: dnfPackages },
  yum: { packages: yumPackages },
  apk: { packages: apkPackages },
  files: {
    file: files.file,
    directory: files.directory,
    put: files.put,
    template: files.template,
    line: files.line,
    replace: files.replace,
    link: files.link,
    get: files.get,
    download: files.download,
    sync: files.sync,
  },
  git: { repo: git.repo, config: git.config },
  pip: { packages: pip.packages, venv: pip.venv },
  systemd: { service: systemd.service, daemon_reload: systemd.daemon_reload },
} as const;

export type OperationFamilies = typeof operationFamilies;

// Every operation by its full name ("apt.packages").
export const operationsByName: Record<string, OperationDefinition<unknown, unknown>> = Object.fromEntries(
  Object.values(operationFamilies).flatMap((family) =>
    Object.values(family).map((op) => [op.name, op as unknown as OperationDefinition<unknown, unknown>]),
  ),
);
