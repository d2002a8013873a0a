# The staging environment: the same groups, fewer hosts, its own data
# (not in the guide: the Python form of ../staging.ts).
web_servers = [
    "web-01.staging.example.com",
]

db_servers = [
    "db-01.staging.example.com",
]

environment = "staging"
app_port = 8000
debug = False

targets = web_servers + db_servers
