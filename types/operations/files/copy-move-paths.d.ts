import type { FactLookup, FactNeed } from "../operation.js";
export interface CopyMoveArgs {
    src: string;
    dest: string;
    target: string;
    overwrite: boolean;
}
export type PathState = {
    kind: "missing";
} | {
    kind: "file";
    sha256: string | null;
} | {
    kind: "directory";
    hashes: Record<string, string> | null;
} | {
    kind: "link";
    target: string;
} | {
    kind: "other";
};
export declare function readCopyMoveArgs(args: Record<string, unknown>, operation: string): CopyMoveArgs;
export declare function copyMoveFacts(args: CopyMoveArgs, content: boolean): FactNeed[];
export declare function readPathState(facts: FactLookup, path: string, content: boolean): PathState;
export declare function sameContent(a: PathState, b: PathState): boolean;
export declare function requireDirectory(facts: FactLookup, dest: string, operation: string): void;
