// types/host-data.d.ts
export {}; // a module: the declaration below adds to infra-action's types instead of replacing them

declare module "infra-action" {
  interface HostData {
    app_port: number;
    nginx_workers?: number;
  }
}
