/** The arguments of the UserAuthorizedKeys and UserPassword facts. */
export interface UserArgs {
    /** The user's name. */
    user: string;
}
/** Owner, group and permission bits of a path, as UserAuthorizedKeys reports them. */
export interface PathOwnership {
    /** The owner's name. */
    user: string;
    /** The group's name. */
    group: string;
    /** The permission bits as octal text, "700". */
    mode: string;
}
/** What the UserAuthorizedKeys fact gives for a user that exists. */
export interface UserAuthorizedKeysInfo {
    /** The user's home directory (/etc/passwd). */
    home: string;
    /** The home directory's ownership, or null when it does not exist. */
    homeDir: PathOwnership | null;
    /** ~/.ssh's ownership, or null when it does not exist. */
    sshDir: PathOwnership | null;
    /** ~/.ssh/authorized_keys's ownership, or null when it does not exist. */
    file: PathOwnership | null;
    /** The file's lines that are keys (not blank, not comments), trimmed. */
    keys: string[];
}
/**
 * A user's home and ~/.ssh/authorized_keys: ownership and key lines; null when the user does not exist.
 * `await host.getFact("UserAuthorizedKeys", { user })`.
 */
export declare const UserAuthorizedKeys: import("./fact.js").Fact<UserArgs, UserAuthorizedKeysInfo | null>;
/**
 * A user's password hash from /etc/shadow ("" for none, null when the user has no shadow entry). Needs root.
 * `await host.getFact("UserPassword", { user })`.
 */
export declare const UserPassword: import("./fact.js").Fact<UserArgs, string | null>;
