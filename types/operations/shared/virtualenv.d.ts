import type { FactLookup, FactNeed } from "../operation.js";
export interface VirtualenvSettings {
    path: string;
    python?: string;
    venv: boolean;
    sitePackages: boolean;
    alwaysCopy: boolean;
    present: boolean;
}
export declare const virtualenvKeys: string[];
export declare function readVirtualenvSettings(args: Record<string, unknown>, operation: string, options?: {
    venv?: boolean;
    path?: string;
}): VirtualenvSettings;
export declare function activateScript(path: string): string;
export declare function virtualenvFacts(settings: VirtualenvSettings): FactNeed[];
export declare function virtualenvExists(settings: VirtualenvSettings, facts: FactLookup): boolean;
export declare function createVirtualenv(settings: VirtualenvSettings): string;
export declare function planVirtualenv(settings: VirtualenvSettings, exists: boolean): {
    commands: string[];
    reason: string;
} | {
    noop: string;
};
