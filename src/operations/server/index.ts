// server.*: shell commands and scripts, users and groups, packages, services, hostname, sysctl,
// crontab, mounts, reboot and waiting for a port.
export { crontab } from "./crontab.js";
export { group } from "./group.js";
export { hostname } from "./hostname.js";
export { kill } from "./kill.js";
export { locale } from "./locale.js";
export { modprobe } from "./modprobe.js";
export { mount } from "./mount.js";
export { packages } from "./packages.js";
export { reboot } from "./reboot.js";
export { script } from "./script.js";
export { script_template } from "./script-template.js";
export { security_limit } from "./security-limit.js";
export { service } from "./service.js";
export { shell } from "./shell.js";
export { sysctl } from "./sysctl.js";
export { timezone } from "./timezone.js";
export { user } from "./user.js";
export { user_authorized_keys } from "./user-authorized-keys.js";
export { wait } from "./wait.js";
