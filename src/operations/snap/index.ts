// snap.*: snaps from the Snap Store.
export { package_ as package } from "./package.js";
