// Data for the web_servers group (wins over `web_servers_data` in the inventory).
export const nginx_port = 8080;
export const nginx_workers = 4;
