/** The arguments of the AuthorizedKeys fact. */
export interface AuthorizedKeysArgs {
    /** The user (default: the connecting user). */
    user?: string;
}
/**
 * The keys in a user's ~/.ssh/authorized_keys, one line each without comments and blank lines
 * ([] when the file is absent; the connecting user's when no user is given).
 * `await host.getFact("AuthorizedKeys", { user })`.
 */
export declare const AuthorizedKeys: import("./fact.js").Fact<AuthorizedKeysArgs, string[]>;
