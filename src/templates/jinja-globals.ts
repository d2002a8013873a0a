// The objects Jinja2 gives templates: `loop` inside for loops, and the globals range, dict, namespace,
// cycler and joiner.
import { JinjaRuntimeError } from "./jinja-errors.js";
import { iterate, pyEquals, unpack } from "./python-operators.js";
import {
  defined,
  dictEntries,
  isDict,
  isNumeric,
  isStr,
  JinjaUndefined,
  makeRange,
  makeTuple,
  Namespace,
  PyCallable,
  pyStr,
  requireInt,
  strValue,
  typeName,
} from "./python-values.js";

const never = Symbol("never called");

// Renders a recursive loop's body over an iterable at a depth (depth0 of the level it renders).
export type RecurseLoop = (iterable: unknown, depth0: number) => string;

// The `loop` variable of a for loop (Jinja2's LoopContext), advanced in place on each iteration.
export class LoopContext {
  index0 = 0;
  readonly #items: readonly unknown[];
  readonly #recurse: RecurseLoop | null;
  #lastChanged: unknown = never;

  // A loop over items; a recursive loop's also renders its body again for `loop(children)`, a level deeper.
  constructor(
    items: readonly unknown[],
    recurse: RecurseLoop | null = null,
    readonly depth0 = 0,
  ) {
    this.#items = items;
    this.#recurse = recurse;
  }

  get depth(): number {
    return this.depth0 + 1;
  }

  get index(): number {
    return this.index0 + 1;
  }
  get length(): number {
    return this.#items.length;
  }
  get revindex(): number {
    return this.#items.length - this.index0;
  }
  get revindex0(): number {
    return this.#items.length - this.index0 - 1;
  }
  get first(): boolean {
    return this.index0 === 0;
  }
  get last(): boolean {
    return this.index0 === this.#items.length - 1;
  }
  get previtem(): unknown {
    return this.index0 > 0 ? this.#items[this.index0 - 1] : new JinjaUndefined("there is no previous item");
  }
  get nextitem(): unknown {
    return this.index0 < this.#items.length - 1
      ? this.#items[this.index0 + 1]
      : new JinjaUndefined("there is no next item");
  }

  // loop.cycle('odd', 'even'): the argument for this iteration.
  readonly cycle = new PyCallable("cycle", (args) => {
    if (args.length === 0) throw new JinjaRuntimeError("no items for cycling given");
    return args[this.index0 % args.length];
  });

  // loop.changed(value): whether the value differs from the previous call's.
  readonly changed = new PyCallable("changed", (args) => {
    const value = makeTuple(args);
    if (this.#lastChanged !== never && pyEquals(this.#lastChanged, value)) return false;
    this.#lastChanged = value;
    return true;
  });

  // `loop(children)`: the body rendered over children one level deeper; Jinja2's TypeError for a loop
  // without the `recursive` marker.
  call(args: unknown[], kwargs: Record<string, unknown>): string {
    if (!this.#recurse)
      throw new JinjaRuntimeError("The loop must have the 'recursive' marker to be called recursively.");
    const given = [...args, ...Object.entries(kwargs).map(([key, value]) => (key === "iterable" ? value : never))];
    if (given.length !== 1 || given[0] === never)
      throw new JinjaRuntimeError("loop() takes one argument, the iterable");
    return this.#recurse(given[0], this.depth);
  }

  toString(): string {
    return `<LoopContext ${this.index}/${this.length}>`;
  }
}

// Jinja2's cycler(*items): `next()` returns the current item and advances; `current`; `reset()`.
class Cycler {
  #position = 0;
  readonly #items: readonly unknown[];

  constructor(items: readonly unknown[]) {
    if (items.length === 0) throw new JinjaRuntimeError("at least one item has to be provided");
    this.#items = items;
  }

  get current(): unknown {
    return this.#items[this.#position];
  }

  readonly next = new PyCallable("next", () => {
    const value = this.current;
    this.#position = (this.#position + 1) % this.#items.length;
    return value;
  });

  readonly reset = new PyCallable("reset", () => {
    this.#position = 0;
    return null;
  });
}

// Python's range(stop) / range(start, stop[, step]) as a list.
function range(args: unknown[]): number[] {
  if (args.length === 0 || args.length > 3)
    throw new JinjaRuntimeError(`range expected 1 to 3 arguments, got ${args.length}`);
  const numbers = args.map((arg) => requireInt(arg));
  const [start, stop, step] =
    numbers.length === 1 ? [0, numbers[0] ?? 0, 1] : [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 1];
  if (step === 0) throw new JinjaRuntimeError("range() arg 3 must not be zero");
  const out: number[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.push(i);
  return makeRange(out, start, stop, step);
}

// Python's dict(mapping_or_pairs, **kwargs).
function makeDict(args: unknown[], kwargs: Record<string, unknown>): Record<string, unknown> {
  if (args.length > 1) throw new JinjaRuntimeError(`dict expected at most 1 argument, got ${args.length}`);
  const out: Record<string, unknown> = {};
  const source = args[0];
  if (isDict(source)) Object.assign(out, Object.fromEntries(dictEntries(source)));
  else if (source !== undefined) {
    for (const pair of iterate(source)) {
      const [key, value] = unpack(pair, 2);
      out[dictKey(key)] = value;
    }
  }
  return Object.assign(out, kwargs);
}

// A dict key: template dicts hold str keys (JavaScript objects cannot hold others).
export function dictKey(key: unknown): string {
  const known = defined(key);
  if (isStr(known)) return strValue(known);
  if (isNumeric(known) || known === null) return pyStr(known);
  throw new JinjaRuntimeError(`unhashable type: '${typeName(known)}'`);
}

// The globals every template sees.
export function createGlobals(): Record<string, unknown> {
  return {
    range: new PyCallable("range", (args) => range(args)),
    dict: new PyCallable("dict", (args, kwargs) => makeDict(args, kwargs)),
    namespace: new PyCallable("namespace", (args, kwargs) => new Namespace(makeDict(args, kwargs))),
    cycler: new PyCallable("cycler", (args) => new Cycler(args)),
    joiner: new PyCallable("joiner", (args) => {
      const separator = args.length > 0 ? pyStr(args[0]) : ", ";
      let used = false;
      return new PyCallable("joiner", () => {
        const out = used ? separator : "";
        used = true;
        return out;
      });
    }),
  };
}
