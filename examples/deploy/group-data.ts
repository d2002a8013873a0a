// Group data in a template: web servers get their nginx workers and port from web_servers_data.
// infra-action plan examples/inventory/group-data.ts examples/deploy/group-data.ts
import { files, host } from "infra-action";

if (host.groups.includes("web_servers")) {
  files.template({
    name: "Configure nginx",
    src: "examples/deploy/templates/nginx.conf.j2",
    dest: "/etc/nginx/nginx.conf",
    workers: host.data.get("nginx_workers", 2),
    port: host.data.get("nginx_port", 80),
    _sudo: true,
  });
}
