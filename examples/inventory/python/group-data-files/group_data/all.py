# Global data for every host of ../inventory.py.
app_name = "myapp"
ntp_servers = ["0.pool.ntp.org", "1.pool.ntp.org"]
