import type { OperationDefinition } from "./operation.js";
/** A fixture file: one case of an operation. */
export interface OperationFixture {
    description?: string;
    /** The operation's arguments, as a deploy file gives them. */
    args: Record<string, unknown>;
    /** Fact values by `"FactName"` or `"FactName(<its arguments as JSON>)"`. */
    facts?: Record<string, unknown>;
    /** What prepare would give: `{ "content": "text" }` for files written from local content. */
    prepared?: Record<string, unknown>;
    /** The commands expected: shell commands as strings, files as `{ type, path, text, … }`. */
    commands?: unknown[];
    /** The no-op reason expected. */
    noop?: string;
    /** A part of the error message expected. */
    error?: string;
    /** The diff expected. */
    diff?: string;
}
/** What the operation planned for a fixture. */
export interface FixtureOutcome {
    commands?: unknown[];
    noop?: string;
    diff?: string;
    error?: string;
}
/** Plans the operation from the fixture's arguments, facts and prepared work. */
export declare function runOperationFixture(definition: OperationDefinition<unknown, unknown>, fixture: OperationFixture): FixtureOutcome;
/** Where the operation's plan differs from what the fixture says; empty when it holds. */
export declare function checkOperationFixture(definition: OperationDefinition<unknown, unknown>, fixture: OperationFixture): string[];
