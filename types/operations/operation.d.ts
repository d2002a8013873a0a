import type { Fact } from "../facts/fact.js";
import type { GlobalArgsInput } from "./arg-types.js";
/** What an operation asks the host to do. Commands are data until infra-action builds the script. */
export type Command = 
/** A shell command, run by `sh` as the operation's user (quote every value with `shellQuote`). */
{
    type: "shell";
    command: string;
}
/**
 * Write a file atomically: content as base64; mode/user/group applied before it is moved into place.
 * With `ifSha256`, only when the file still has that hash (null: still does not exist), else fail.
 */
 | {
    type: "file";
    path: string;
    content: string;
    mode?: string;
    user?: string;
    group?: string;
    ifSha256?: string | null;
    /** The file does not exist yet: without `mode` it gets 0666 less the host's umask, and the owner is the user it runs as. */
    created?: boolean;
}
/** Copy a file from the host to this machine (files.get). */
 | {
    type: "get";
    path: string;
    local: string;
}
/** Reboot, then wait for the host to come back (server.reboot). */
 | {
    type: "reboot";
    delay: number;
    interval: number;
    timeout: number;
}
/**
 * Run the operation's function on this machine (python.call): the commands before it have finished,
 * the ones after it wait. The function is the operation's validated `function` argument.
 */
 | {
    type: "call";
    description: string;
};
/** An operation's plan: nothing to do and why (`noop`), or the commands to run (`change`). */
export type OperationPlan = {
    changed: false;
    reason: string;
} | {
    changed: true;
    commands: Command[];
    reason?: string;
    diff?: string;
};
/** A fact an operation reads, with its arguments: `{ fact: File, args: { path: "/etc/hosts" } }`. */
export interface FactNeed {
    /** The fact (a built-in one, or one made with `defineFact`). */
    fact: Fact<never, unknown>;
    /** Its arguments; leave out for a fact that takes none. */
    args?: unknown;
}
/**
 * The facts gathered for an operation, read by fact and arguments. When the host would not give a
 * fact (permission denied, git refusing the repository) `get` throws: the plan stops there and the
 * operation is reported as "cannot tell", never planned from a guess.
 */
export interface FactLookup {
    /** The value of a fact the operation's `facts` asked for, with the same arguments. */
    get<A, R>(fact: Fact<A, R>, args?: A): R;
}
export declare class CannotTell extends Error {
    readonly reason: string;
    name: string;
    constructor(reason: string);
}
/** The Jinja2 Environment settings a template renders with (files.template's `jinja_env_kwargs`). */
export interface TemplateSettings {
    /** Drop the first newline after a block or comment tag (Jinja2's trim_blocks; Ansible renders with it on). */
    trimBlocks?: boolean;
    /** Strip spaces and tabs before a block or comment tag on its line (lstrip_blocks). */
    lstripBlocks?: boolean;
    /** Keep the template's trailing newline (keep_trailing_newline; default true, as pyinfra renders). */
    keepTrailingNewline?: boolean;
    /** What an undefined variable is: an error ("strict", the default), nothing ("default"), nothing all the way down ("chainable"), or Ansible's (an error when used, chainable on access). */
    undefined?: "strict" | "default" | "chainable" | "ansible";
    /** Render as Ansible's template module does (trim_blocks, AnsibleUndefined, None printed as nothing, its trailing newlines). */
    ansible?: boolean;
}
/** What `prepare` may use: the only local I/O an operation gets, done before planning. */
export interface PrepareContext {
    /** Reads a file of the user's repository (relative to the working directory). */
    readLocalFile(path: string): Promise<Buffer>;
    /** Renders a Jinja2 template of the repository with the given variables (they win over `host` and `inventory`). */
    renderTemplate(path: string, variables: Record<string, unknown>, settings?: TemplateSettings): Promise<string>;
    /** Lists a local directory's files, recursively, relative paths with their bytes. */
    readLocalTree(path: string): Promise<Array<{
        path: string;
        content: Buffer;
        mode: number;
    }>>;
    /** Reads a local file if it exists (files.get compares with it). */
    readLocalFileIfExists(path: string): Promise<Buffer | undefined>;
}
/** An operation, as `defineOperation` takes it: checked arguments and facts in, a plan out. */
export interface OperationDefinition<Args = Record<string, unknown>, Prepared = undefined> {
    /** Its full name, "family.operation" ("apt.packages", "myapp.release"): errors and reports show it. */
    readonly name: string;
    /** One line saying what it makes true on the host. */
    readonly description: string;
    /**
     * Checks and normalises the arguments the deploy file gave (global arguments such as `_sudo` and
     * `name` are already taken out). Runs when the operation is called: throw an Error whose message
     * names the argument and the fix, and the deploy file fails with it and the line.
     */
    validate(args: Record<string, unknown>): Args;
    /** Local I/O the plan needs (read a source file, render a template), once per host before `facts`. */
    prepare?(args: Args, context: PrepareContext): Promise<Prepared>;
    /** The facts `plan` reads. They are gathered for every operation of the host in one remote execution. */
    facts(args: Args, prepared: Prepared): FactNeed[];
    /**
     * Pure: arguments + facts (+ prepared local data) → `change([...commands])`, or `noop(reason)` when the
     * host is already as asked. Applied commands must leave the host so that the next plan is a no-op.
     */
    plan(args: Args, facts: FactLookup, prepared: Prepared): OperationPlan;
}
/** What calling an operation in a deploy file returns; `changed` is known once infra-action has planned it. */
export interface OperationResult {
    /** The label reports show: the `name` given, else the operation and its main argument. */
    readonly name: string;
    /** Whether the operation changes the host; reading it before the plan is made throws. */
    readonly changed: boolean;
    /** What its commands printed on apply (for python.call functions that run after it); "" before. */
    readonly stdout: string;
    /** What its commands printed on standard error on apply; "" before. */
    readonly stderr: string;
}
/** The arguments a user-defined operation is called with: its own and the global ones (`_sudo`, `_if`, …). */
export type OperationCallArgs = Record<string, unknown> & GlobalArgsInput;
/** An operation made with `defineOperation`: its definition, and callable in a deploy file. */
export type Operation<Args = Record<string, unknown>, Prepared = undefined> = OperationDefinition<Args, Prepared> & ((args?: OperationCallArgs) => OperationResult);
export declare function defineOperation<Args, Prepared = undefined>(definition: OperationDefinition<Args, Prepared>): Operation<Args, Prepared>;
export declare function bindOperation<Args, Prepared>(definition: OperationDefinition<Args, Prepared>, call: (args: Record<string, unknown>) => OperationResult): Operation<Args, Prepared>;
export declare const noop: (reason: string) => OperationPlan;
export declare function change(commands: Array<Command | string>, extra?: {
    reason?: string;
    diff?: string;
}): OperationPlan;
