# Define groups
web_servers = [
    "web-01.example.com",
    "web-02.example.com",
    "web-03.example.com",
]

db_servers = [
    ("db-01.example.com", {
        "ssh_user": "postgres",
    }),
    "db-02.example.com",
]

load_balancers = [
    "lb-01.example.com",
]

# All hosts
targets = web_servers + db_servers + load_balancers
