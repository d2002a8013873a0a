# Data for the db_servers group.
postgres_version = "14"
