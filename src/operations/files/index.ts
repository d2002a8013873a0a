// files.*: files, directories, links, uploads, templates, line and block edits, copies and moves, downloads, syncs and archives.
export { block } from "./block.js";
export { copy } from "./copy.js";
export { directory } from "./directory.js";
export { download } from "./download.js";
export { file } from "./file.js";
export { get } from "./get.js";
export { line } from "./line.js";
export { link } from "./link.js";
export { move } from "./move.js";
export { put } from "./put.js";
export { replace } from "./replace.js";
export { sync } from "./sync.js";
export { template } from "./template.js";
export { unarchive } from "./unarchive.js";
