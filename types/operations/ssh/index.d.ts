export { command } from "./command.js";
export { download } from "./download.js";
export { keyscan } from "./keyscan.js";
export { upload } from "./upload.js";
