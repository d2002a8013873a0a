import { type SystemdArgs } from "../../facts/services.js";
export declare const managerKeys: string[];
export declare function readManagerArgs(args: Record<string, unknown>): SystemdArgs | undefined;
export declare const managerSystemctl: (manager: SystemdArgs | undefined) => string;
