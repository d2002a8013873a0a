# The development environment: everything on this machine and in a local container
# (not in the guide: the Python form of ../development.ts).
web_servers = ["@local"]

db_servers = ["@docker/postgres:14"]

environment = "development"
app_port = 8000
debug = True

targets = web_servers + db_servers
