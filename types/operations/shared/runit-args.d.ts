import type { LinkInfo } from "../../facts/files.js";
export interface RunitPaths {
    service: string;
    svdir: string;
    sourcedir: string;
}
export declare function readRunitPaths(args: Record<string, unknown>): RunitPaths;
export declare const linkPath: (p: RunitPaths) => string;
export declare const sourcePath: (p: RunitPaths) => string;
export declare const downPath: (p: RunitPaths) => string;
export declare function manageCommand(p: RunitPaths, managed: boolean, link: LinkInfo | false | null): string | null;
export declare function autoCommand(p: RunitPaths, auto: boolean, down: boolean): string | null;
export declare function waitRunsvCommand(p: RunitPaths): string;
