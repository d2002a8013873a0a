# Load secrets from environment or external file
import os

database_password = os.environ.get("DB_PASSWORD")
api_key = os.environ.get("API_KEY")
