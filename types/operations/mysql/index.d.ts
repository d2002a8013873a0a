export { database } from "./database.js";
export { dump } from "./dump.js";
export { load } from "./load.js";
export { privileges } from "./privileges.js";
export { sql } from "./sql.js";
export { user } from "./user.js";
