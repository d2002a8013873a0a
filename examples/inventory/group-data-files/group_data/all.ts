// Global data for every host of ../inventory.ts.
export const app_name = "myapp";
export const ntp_servers = ["0.pool.ntp.org", "1.pool.ntp.org"];
