# Environment
environment = "production"

# Global configuration
app_name = "myapp"
app_version = "2.1.0"
app_repo = "https://github.com/example/myapp.git"

# Load balancers
load_balancers = [
    ("lb-01.example.com", {
        "ssh_user": "admin",
        "is_primary": True,
    }),
    ("lb-02.example.com", {
        "ssh_user": "admin",
        "is_primary": False,
    }),
]

load_balancer_data = {
    "haproxy_version": "2.4",
    "backend_port": 8000,
}

# Web servers
web_servers = [
    (f"web-{i:02d}.example.com", {
        "ssh_user": "deploy",
        "ssh_key": "~/.ssh/deploy_key",
        "server_id": i,
    })
    for i in range(1, 6)  # web-01 through web-05
]

web_servers_data = {
    "nginx_workers": 4,
    "app_workers": 4,
    "app_port": 8000,
}

# Database servers
db_servers = [
    ("db-01.example.com", {
        "ssh_user": "postgres",
        "is_primary": True,
        "replication_slot": "slot1",
    }),
    ("db-02.example.com", {
        "ssh_user": "postgres",
        "is_primary": False,
        "replication_slot": "slot2",
    }),
]

db_servers_data = {
    "postgres_version": "14",
    "max_connections": 200,
    "shared_buffers": "2GB",
}

# Cache servers
cache_servers = [
    "cache-01.example.com",
    "cache-02.example.com",
]

cache_servers_data = {
    "redis_maxmemory": "2gb",
    "redis_policy": "allkeys-lru",
}

# All hosts
targets = (
    load_balancers + 
    web_servers + 
    db_servers + 
    cache_servers
)
