targets = [
    "web-01.example.com",
    "web-02.example.com",
]

# Global data available to all hosts
app_name = "myapp"
app_version = "1.2.3"
app_port = 8000
