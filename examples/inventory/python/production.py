web_servers = [
    "web-01.prod.example.com",
    "web-02.prod.example.com",
]

db_servers = [
    "db-01.prod.example.com",
]

environment = "production"
app_port = 8000
debug = False

targets = web_servers + db_servers
