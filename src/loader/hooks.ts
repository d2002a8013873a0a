// Installs the module hooks: in-thread (`module.registerHooks`, Node ≥ 22.15) where Node has it,
// else off-thread (`module.register`) with dist/loader-hooks.js, so the CLI also runs on older Node.
import * as nodeModule from "node:module";
import { finishResolve, loadUserModule, resolveApi } from "./hook-logic.js";

const apiKey = Symbol.for("infra-action.api");
let installed = false;

// What `import … from "infra-action"` gives user code: the API, or under an instance its bound form.
export interface ApiProvider {
  api: Record<string, unknown>;
  forInstance(instance: string): Record<string, unknown>;
}

// Installs the hooks once per process; the latest provider serves every later import.
export function installLoaderHooks(provider: ApiProvider): void {
  (globalThis as Record<symbol, unknown>)[apiKey] = provider;
  if (installed) return;
  installed = true;
  const apiNames = Object.keys(provider.api).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== "default");
  if (typeof nodeModule.registerHooks === "function" && process.env.INFRA_ACTION_LOADER !== "off-thread") {
    nodeModule.registerHooks({
      resolve(specifier, context, nextResolve) {
        const api = resolveApi(specifier, context.parentURL);
        if (api) return api;
        let resolved: { url: string } | undefined;
        let failure: unknown;
        try {
          resolved = nextResolve(specifier, context);
        } catch (error) {
          failure = error;
        }
        return finishResolve(specifier, context.parentURL, resolved?.url, failure);
      },
      load: (url, context, nextLoad) => loadUserModule(url, apiNames) ?? nextLoad(url, context),
    });
  } else {
    nodeModule.register(new URL("./loader-hooks.js", import.meta.url), { data: { apiNames } });
  }
}
