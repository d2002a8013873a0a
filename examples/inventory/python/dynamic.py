# Generate hosts dynamically
targets = [
    f"web-{i:02d}.example.com" 
    for i in range(1, 11)  # web-01 through web-10
]

# Or from external source
import json

def load_from_api():
    # Load from cloud provider API, database, etc.
    return [
        "server1.example.com",
        "server2.example.com",
    ]

targets = load_from_api()
