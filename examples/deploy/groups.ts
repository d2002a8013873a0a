// Group-conditional deploys: nginx on web servers, PostgreSQL on database servers.
// infra-action plan examples/inventory/groups.ts examples/deploy/groups.ts
import { apt, files, host } from "infra-action";

// Install nginx only on web servers
if (host.groups.includes("web_servers")) {
  apt.packages({ name: "Install nginx", packages: ["nginx"], _sudo: true });

  files.template({
    name: "Configure nginx",
    src: "examples/deploy/templates/nginx.conf.j2",
    dest: "/etc/nginx/nginx.conf",
    workers: host.data.get("nginx_workers", 2),
    port: host.data.get("nginx_port", 80),
    _sudo: true,
  });
}

// Install PostgreSQL only on database servers
if (host.groups.includes("db_servers")) {
  apt.packages({ name: "Install PostgreSQL", packages: ["postgresql", "postgresql-contrib"], _sudo: true });
}
