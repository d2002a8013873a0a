import type { UserAuthorizedKeysInfo } from "../../facts/users.js";
import type { Command } from "../operation.js";
export declare function readPublicKeys(args: Record<string, unknown>, key: string): string[];
export declare function planAuthorizedKeys(user: string, keys: string[], deleteKeys: boolean, info: UserAuthorizedKeysInfo | null, wantedHome: string | undefined, primaryGroup: string | null): {
    commands: Array<Command | string>;
    summary: string[];
};
