// Keep secrets out of version control: read them from the environment (in the action, from the
// `secrets` input, which also masks them). An unset variable leaves the key unset.
export const targets = ["web-01.example.com", "web-02.example.com"];

export const database_password = process.env.DB_PASSWORD;
export const api_key = process.env.API_KEY;
