// The demo deploy: a directory tree, a rendered config, an edited file and a link, all idempotent:
// the first apply changes them, a second plan finds nothing to do.
import { files, host } from "infra-action";

const root = host.data.get("demo_root", "/tmp/infra-action-demo") as string;

files.directory({ name: "Create the app directory", path: `${root}/app`, mode: "755" });

files.directory({ name: "Create the log directory", path: `${root}/app/logs`, mode: "750" });

files.template({
  name: "Render the app config",
  src: "examples/demo/templates/app.conf.j2",
  dest: `${root}/app/app.conf`,
  mode: "640",
  listen: `127.0.0.1:${host.data.app_port}`,
  upstreams: ["10.0.0.11:9000", "10.0.0.12:9000"],
});

files.line({
  name: "Pin the environment",
  path: `${root}/app/env`,
  line: "^ENVIRONMENT=",
  replace: "ENVIRONMENT=demo",
});

files.link({ name: "Point current at the app", path: `${root}/current`, target: `${root}/app` });
