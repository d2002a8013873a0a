# Global default
app_port = 8000

# Override for specific host if needed
targets = [
    ("special-server.com", {"app_port": 9000}),
]
