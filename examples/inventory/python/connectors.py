# Default connector - SSH to remote hosts
targets = [
    "server.example.com",
    ("192.168.1.10", {
        "ssh_user": "ubuntu",
        "ssh_port": 22,
        "ssh_key": "~/.ssh/id_rsa",
    }),
]
