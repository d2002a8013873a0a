# Dynamic inventory from an external source: an HTTP API when INVENTORY_API_URL is set (a cloud
# provider, a CMDB), else the JSON file next to ../dynamic-api.ts. (Not in the guide: the Python
# form of ../dynamic-api.ts, built on the guide's load_from_api().)
import json
import os
import urllib.request


def load_from_api():
    url = os.environ.get("INVENTORY_API_URL")
    if url:
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.load(response)
    path = os.path.join(os.path.dirname(__file__), "..", "dynamic-hosts.json")
    with open(path, encoding="utf-8") as hosts_file:
        return json.load(hosts_file)


_listing = load_from_api()

web_servers = _listing["web_servers"]
db_servers = _listing["db_servers"]
