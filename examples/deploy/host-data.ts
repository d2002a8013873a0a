// Host data in a template: each host's server_id and memory_limit.
// infra-action plan examples/inventory/host-data.ts examples/deploy/host-data.ts
import { files, host } from "infra-action";

files.template({
  name: "Configure application",
  src: "examples/deploy/templates/app.conf.j2",
  dest: "/etc/myapp/config.conf",
  server_id: host.data.server_id,
  memory_limit: host.data.memory_limit,
  _sudo: true,
});
