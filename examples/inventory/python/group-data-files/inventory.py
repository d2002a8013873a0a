# Group data in files, as in pyinfra: group_data/<group>.py beside the inventory holds that
# group's data; group_data/all.py holds global data. Files win over `<group>_data`.
# (Not in the guide: the Python form of ../../group-data-files/inventory.ts.)
web_servers = ["web-01.example.com", "web-02.example.com"]
db_servers = ["db-01.example.com"]

web_servers_data = {"nginx_port": 80}
