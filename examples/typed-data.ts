// Typing your own host data: augment infra-action's HostData interface once, and every
// `host.data.<key>` and `host.data.get("<key>")` in your deploy files is typed.
import { host } from "infra-action";

declare module "infra-action" {
  interface HostData {
    nginx_workers?: number;
    app_port: number;
  }
}

export const workers: number = host.data.get("nginx_workers", 2);
export const port: number = host.data.app_port;
// @ts-expect-error app_port is a number, so it cannot be assigned to a string.
export const wrong: string = host.data.app_port;
