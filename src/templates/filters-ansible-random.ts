// Ansible's random and shuffle filters. With a seed (`{{ 59 | random(seed=inventory_hostname) }}`, the usual
// way roles spread cron jobs over hosts) they give Python's numbers: random.Random(seed) is the Mersenne
// Twister seeded as CPython 3 seeds it, and randrange, choice and shuffle draw from it as CPython does.
// Without a seed they are random, as in Ansible.
import { createHash, randomInt } from "node:crypto";
import type { FilterTable } from "./filter-support.js";
import { JinjaRuntimeError } from "./jinja-errors.js";
import { iterate } from "./python-operators.js";
import { isInt, isStr, pyStr, requireInt, strValue } from "./python-values.js";

const N = 624;

// CPython's random.Random(seed): MT19937 seeded by init_by_array.
class PythonRandom {
  private readonly state = new Uint32Array(N);
  private index = N;

  constructor(seed: unknown) {
    this.seedByArray(seedWords(seed));
  }

  private seedByArray(key: number[]): void {
    const mt = this.state;
    mt[0] = 19650218;
    for (let i = 1; i < N; i++) {
      const previous = mt[i - 1] ?? 0;
      mt[i] = (Math.imul(1812433253, previous ^ (previous >>> 30)) + i) >>> 0;
    }
    let [i, j] = [1, 0];
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const previous = mt[i - 1] ?? 0;
      mt[i] = ((mt[i] ?? 0) ^ Math.imul(previous ^ (previous >>> 30), 1664525)) + (key[j] ?? 0) + j;
      i++;
      j++;
      if (i >= N) [mt[0], i] = [mt[N - 1] ?? 0, 1];
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const previous = mt[i - 1] ?? 0;
      mt[i] = ((mt[i] ?? 0) ^ Math.imul(previous ^ (previous >>> 30), 1566083941)) - i;
      i++;
      if (i >= N) [mt[0], i] = [mt[N - 1] ?? 0, 1];
    }
    mt[0] = 0x80000000;
  }

  // genrand_uint32: the next 32 random bits.
  private next32(): number {
    const mt = this.state;
    if (this.index >= N) {
      for (let k = 0; k < N; k++) {
        const y = ((mt[k] ?? 0) & 0x80000000) | ((mt[(k + 1) % N] ?? 0) & 0x7fffffff);
        mt[k] = (mt[(k + 397) % N] ?? 0) ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      this.index = 0;
    }
    let y = mt[this.index++] ?? 0;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    return (y ^ (y >>> 18)) >>> 0;
  }

  // _randbelow: an int in [0, n) by rejection on getrandbits(n.bit_length()).
  below(n: number): number {
    const bits = n.toString(2).length;
    if (bits > 32) throw new JinjaRuntimeError("random: ranges wider than 2**32 are not supported by infra-action");
    // Each draw is kept with a chance over one half: 200 draws all rejected would be a broken generator.
    for (let tries = 0; tries < 200; tries++) {
      const r = bits === 0 ? 0 : this.next32() >>> (32 - bits);
      if (r < n) return r;
    }
    throw new JinjaRuntimeError("random: no number drawn below the bound (internal error, please report it)");
  }
}

// CPython's seed words: a str or bytes seed is its UTF-8 followed by its SHA-512, read as one big int; the
// int's 32-bit words, least significant first.
function seedWords(seed: unknown): number[] {
  let hex: string;
  if (isStr(seed)) {
    const bytes = Buffer.from(strValue(seed), "utf8");
    hex = Buffer.concat([bytes, createHash("sha512").update(bytes).digest()]).toString("hex");
  } else if (isInt(seed) || typeof seed === "boolean") {
    hex = BigInt(Math.abs(Number(seed))).toString(16);
  } else throw new JinjaRuntimeError(`random: a seed must be a str or an int, not ${pyStr(seed)}`);
  let value = BigInt(`0x${hex || "0"}`);
  const words: number[] = [];
  while (value > 0n) {
    words.push(Number(value & 0xffffffffn));
    value >>= 32n;
  }
  return words.length === 0 ? [0] : words;
}

// A draw below n: from the seeded generator, or from the system's.
function drawer(seed: unknown): (n: number) => number {
  if (seed === null) return (n) => randomInt(n);
  const random = new PythonRandom(seed);
  return (n) => random.below(n);
}

// random.randrange(start, stop, step) as CPython 3.11 computes it.
function randrange(below: (n: number) => number, start: number, stop: number, step: number): number {
  const width = stop - start;
  if (step === 1 && width > 0) return start + below(width);
  if (step === 0) throw new JinjaRuntimeError("zero step for randrange()");
  const count = step > 0 ? Math.floor((width + step - 1) / step) : Math.floor((width + step + 1) / step);
  if (count <= 0) throw new JinjaRuntimeError(`empty range for randrange() (${start}, ${stop}, ${step})`);
  return start + step * below(count);
}

// The random filters, by name.
export const ansibleRandomFilters: FilterTable = {
  random: {
    params: ["end", ["start", null], ["step", null], ["seed", null]],
    run: ({ values: [end, start, step, seed] }) => {
      const below = drawer(seed);
      if (isInt(end)) {
        const from = start === null || start === 0 ? 0 : requireInt(start);
        return randrange(below, from, end, step === null || step === 0 ? 1 : requireInt(step));
      }
      if (start !== null || step !== null) {
        throw new JinjaRuntimeError("start and step can only be used with integer values");
      }
      const items = iterate(end);
      if (items.length === 0) throw new JinjaRuntimeError("Cannot choose from an empty sequence");
      return items[below(items.length)];
    },
  },
  shuffle: {
    params: ["mylist", ["seed", null]],
    run: ({ values: [list, seed] }) => {
      const items = iterate(list);
      const below = drawer(seed === null || seed === "" || seed === 0 ? null : seed);
      for (let i = items.length - 1; i > 0; i--) {
        const j = below(i + 1);
        [items[i], items[j]] = [items[j], items[i]];
      }
      return items;
    },
  },
};
