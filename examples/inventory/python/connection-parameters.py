targets = [
    # Simple hostname
    "web-01.example.com",
    
    # Hostname with custom SSH settings
    ("web-02.example.com", {
        "ssh_user": "deploy",
        "ssh_port": 2222,
        "ssh_key": "~/.ssh/deploy_key",
    }),
    
    # Local machine
    "@local",
    
    # Docker container
    "@docker/ubuntu:22.04",
]
