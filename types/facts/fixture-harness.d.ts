import { type Fact } from "./fact.js";
export declare function sameData(a: unknown, b: unknown): boolean;
/** A fixture file: one case of a fact. */
export interface FactFixture {
    /** The fact's arguments (`{ "path": "/etc/hosts" }`). */
    args?: unknown;
    /** The command the fact runs for these arguments (checked when given). */
    command?: string;
    /** What the command printed: a string, or lines. */
    stdout: string | string[];
    stderr?: string | string[];
    exitCode?: number;
    /** The value expected, or `{ "unreadable": "why" }`. */
    expected: unknown;
}
/** The fact's value for the fixture's output (an unreadable one as `{ unreadable }`). */
export declare function runFactFixture(fact: Fact<never, unknown>, fixture: FactFixture): unknown;
/** Where the fact differs from what the fixture says; empty when it holds. */
export declare function checkFactFixture(fact: Fact<never, unknown>, fixture: FactFixture): string[];
