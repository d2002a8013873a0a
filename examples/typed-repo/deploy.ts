// deploy.ts
import { apt, files, host } from "infra-action";

apt.packages({ name: "Install nginx", packages: ["nginx"], _sudo: true });

files.template({
  name: "Configure the app",
  src: "templates/app.conf.j2",
  dest: "/etc/app.conf",
  port: host.data.app_port, // a template variable (a number: HostData says so)
  workers: host.data.get("nginx_workers", 2),
  _sudo: true,
});
