// The demo's inventory: this machine. Everything the deploy writes lives under demo_root, a
// temporary directory `npm run demo` creates, so no root access is needed.
export const targets = ["@local"];

export const app_name = "demo-app";
export const app_port = 8080;
export const workers = 4;
