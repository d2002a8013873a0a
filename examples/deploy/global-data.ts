// Global data in a deploy: every host sees app_name and app_version.
// infra-action plan examples/inventory/global-data.ts examples/deploy/global-data.ts
import { host, server } from "infra-action";

server.shell({
  name: `Deploy ${host.data.app_name} v${host.data.app_version}`,
  commands: [`echo 'Deploying ${host.data.app_name}'`],
});
