// ssh.*: from the host to another host over SSH: known host keys, commands, and scp uploads and downloads.
export { command } from "./command.js";
export { download } from "./download.js";
export { keyscan } from "./keyscan.js";
export { upload } from "./upload.js";
