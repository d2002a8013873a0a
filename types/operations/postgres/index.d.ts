export { database } from "./database.js";
export { dump } from "./dump.js";
export { load } from "./load.js";
export { role } from "./role.js";
export { sql } from "./sql.js";
