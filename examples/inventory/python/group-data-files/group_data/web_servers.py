# Data for the web_servers group (wins over `web_servers_data` in the inventory).
nginx_port = 8080
nginx_workers = 4
