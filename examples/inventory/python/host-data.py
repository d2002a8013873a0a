targets = [
    ("web-01.example.com", {
        "ssh_user": "deploy",
        "server_id": 1,
        "memory_limit": "4GB",
    }),
    ("web-02.example.com", {
        "ssh_user": "deploy",
        "server_id": 2,
        "memory_limit": "8GB",
    }),
]
