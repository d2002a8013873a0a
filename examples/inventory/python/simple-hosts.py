targets = [
    "web-01.example.com",
    "web-02.example.com",
    "db-01.example.com",
]
