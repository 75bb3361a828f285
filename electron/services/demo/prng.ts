/**
 * The demo generator's only source of chance. The demo must be reproducible (same options, same
 * dataset: tests, screenshots and benchmarks compare runs), which Math.random cannot give.
 * mulberry32 has 32 bits of state and is fast; good enough for made-up people, not for secrets.
 */

export type RandomFn = () => number;

export function mulberry32(seed: number): RandomFn {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a label over a seed: one independent stream per part of the demo (see Rng.fork). */
function mix(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export class Rng {
  private readonly seed: number;
  private readonly next: RandomFn;

  constructor(seed: number) {
    // NaN, fractions and negatives all map to some 32-bit seed rather than failing.
    this.seed = Math.trunc(seed) >>> 0;
    this.next = mulberry32(mix(this.seed, 'ltc-demo'));
  }

  /** In [0, 1). */
  float(): number {
    return this.next();
  }

  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Fisher–Yates, in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i] as T;
      items[i] = items[j] as T;
      items[j] = t;
    }
    return items;
  }

  /**
   * A separate stream for one part of the demo. Drawing more or fewer numbers in one part (say, a
   * change to visit scheduling) then leaves the people of the other parts as they were.
   */
  fork(label: string): Rng {
    return new Rng(mix(this.seed, label));
  }
}

/**
 * A weighted choice built once (cumulative weights, binary search), because some choices are drawn
 * per visit and a benchmark demo has a million visits.
 */
export class Weighted<T> {
  private readonly values: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    if (entries.length === 0) throw new RangeError('a weighted choice needs at least one entry');
    this.values = entries.map((e) => e[0]);
    let sum = 0;
    this.cumulative = entries.map((e) => (sum += e[1]));
    this.total = sum;
  }

  pick(rng: Rng): T {
    const x = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (x < (this.cumulative[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo] as T;
  }
}
