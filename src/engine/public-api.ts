// The API user modules get from `import … from "infra-action"`: the engine hands it to the loader
// (deploy files) and to the faces for the inventory (the loader itself does not import it).
import { apiForInstance } from "../host/instances.js";
import * as publicApi from "../index.js";
import type { ApiProvider } from "../loader/hooks.js";

const api: Record<string, unknown> = { ...publicApi };

// The public API, and under a deploy instance its members bound to that instance's host.
export const publicApiProvider: ApiProvider = { api, forInstance: (instance) => apiForInstance(api, instance) };
