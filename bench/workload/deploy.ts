// The benchmark's standard workload: 20 operations per host (5 directories, 5 templates, 3 line edits,
// 2 installed packages, 3 shells that run only when a directory was created, 1 user, 1 service).
// The first apply changes 18 of them; a second apply or plan finds nothing to do.
// bench/workload/playbook.yml is the same work for Ansible, with the same templates.
// `--data bench_scale=K` repeats the workload K times (20 × K operations) for the scaling figures.
import { apt, files, host, server } from "infra-action";

const scale = Number(host.data.get("bench_scale", 1));

// The templates' variables, from host data (hostname, server_id), group data (tier, app_port, workers)
// and global data (site, log_level, ntp, app_env): the names the playbook's variables have.
const variables = {
  hostname: host.name,
  server_id: host.data.server_id,
  tier: host.data.tier,
  app_port: host.data.app_port,
  workers: host.data.workers,
  site: host.data.site,
  log_level: host.data.log_level,
  ntp: host.data.ntp,
  app_env: host.data.app_env,
};

for (let copy = 0; copy < scale; copy++) {
  // Copy 0 is the standard workload; copies 1..K-1 work under their own root, user and files.
  const root = copy === 0 ? "/srv/bench" : `/srv/bench-${copy}`;
  const user = copy === 0 ? "benchsvc" : `benchsvc${copy}`;

  const base = files.directory({ name: "Base directory", path: root, mode: "755", _sudo: true });
  const conf = files.directory({ name: "Configuration directory", path: `${root}/conf`, mode: "755", _sudo: true });
  const data = files.directory({ name: "Data directory", path: `${root}/data`, mode: "750", _sudo: true });
  files.directory({ name: "Log directory", path: `${root}/log`, mode: "755", _sudo: true });
  files.directory({ name: "Run directory", path: `${root}/run`, mode: "755", _sudo: true });

  for (const name of ["motd", "app.conf", "ntp.conf", "env", "limits.conf"]) {
    files.template({
      name: `Template ${name}`,
      src: `templates/${name}.j2`,
      dest: `${root}/conf/${name}`,
      mode: "644",
      ...variables,
      _sudo: true,
    });
  }

  // Three edits of one file: each is planned on the one before it, all applied in one script.
  if (copy === 0) {
    for (const [name, key, value] of [
      ["Password age", "PASS_MAX_DAYS", "90"],
      ["Password minimum age", "PASS_MIN_DAYS", "1"],
      ["Password warning", "PASS_WARN_AGE", "14"],
    ] as const) {
      files.line({ name, path: "/etc/login.defs", line: `^${key}`, replace: `${key}\t${value}`, _sudo: true });
    }
  } else {
    for (const key of ["alpha", "beta", "gamma"]) {
      files.line({
        name: `Setting ${key}`,
        path: `${root}/${key}.conf`,
        line: `^${key}=`,
        replace: `${key}=${copy}`,
        _sudo: true,
      });
    }
  }

  apt.packages({ name: "sudo is installed", packages: ["sudo"], _sudo: true });
  apt.packages({ name: "openssh-server is installed", packages: ["openssh-server"], _sudo: true });

  server.shell({ name: "Stamp the base directory", commands: [`date +%s > ${root}/created`], _if: base, _sudo: true });
  server.shell({ name: "Seed the configuration", commands: [`touch ${root}/conf/.seeded`], _if: conf, _sudo: true });
  server.shell({ name: "Lock the data directory", commands: [`chmod 750 ${root}/data`], _if: data, _sudo: true });

  server.user({ name: "Service user", user, shell: "/bin/sh", home: `/home/${user}`, _sudo: true });
  server.service({ name: "cron is running", service: "cron", running: true, _sudo: true });
}
