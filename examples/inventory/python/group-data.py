web_servers = [
    "web-01.example.com",
    "web-02.example.com",
]

db_servers = [
    "db-01.example.com",
]

# Group data
web_servers_data = {
    "nginx_workers": 4,
    "nginx_port": 80,
    "app_port": 8000,
}

db_servers_data = {
    "postgres_version": "14",
    "postgres_max_connections": 200,
}

targets = web_servers + db_servers
