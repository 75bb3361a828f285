/**
 * Checked visits on their way from the thread that reads a dataset file to the thread that stores them
 * (issue 17, importReader.ts): a batch is a few columns, not an object per visit, so that handing it over
 * costs a copy of some strings and the transfer of two buffers. The numbers are the file's own (a
 * Float64Array keeps every double as it is), the people are their index in the file's lists, and the item
 * codes their index in the pack's catalogue (a stored visit's codes are always the catalogue's: any other
 * is a problem, and a file with a problem stores nothing).
 */
import { minutesBetween } from '../../../shared/domain/dates';
import type { Dataset, Visit } from '../../../shared/domain/model';
import { findCatalogue, findPolicyPack } from '../../../shared/policy/registry';

export interface VisitBatch {
  count: number;
  /** per visit: ref, start, end, note (null: none) */
  text: (string | null)[];
  /** per visit, NUMBERS of them: resident index, staff index, minutes, confirmed (0/1), check-in lat and lng, check-out lat and lng (NaN: none) */
  numbers: Float64Array;
  /** per visit: how many items */
  itemCounts: Uint16Array;
  /** the items' codes, as indexes into catalogueCodes */
  items: Uint16Array;
}

export const NUMBERS = 8;
/** Visits in a batch: big enough that a hand-over costs little per visit, small enough to stay a few hundred KB. */
const BATCH = 2000;

/** The codes of the file's pack's catalogue, in the catalogue's order; empty when there is none (then every item is a problem). */
export function catalogueCodes(d: Dataset): string[] {
  const pack = findPolicyPack(d.institution.policy);
  const catalogue = pack ? findCatalogue(pack.catalogue) : undefined;
  return catalogue ? catalogue.items.map((i) => i.code) : [];
}

/** Collects checked visits into batches, handing each on when full (`flush` for the last). */
export class VisitBatcher {
  private readonly residentAt = new Map<string, number>();
  private readonly staffAt = new Map<string, number>();
  private readonly codeAt: Map<string, number>;
  private count = 0;
  private text: (string | null)[] = [];
  private numbers = new Float64Array(BATCH * NUMBERS);
  private itemCounts = new Uint16Array(BATCH);
  private items = new Uint16Array(BATCH * 4);
  private itemCount = 0;

  constructor(
    d: Dataset,
    private readonly hand: (batch: VisitBatch) => void,
  ) {
    // the first of a ref, as the checks find it (a ref twice is a problem)
    d.residents.forEach((r, i) => this.residentAt.has(r.ref) || this.residentAt.set(r.ref, i));
    d.staff.forEach((s, i) => this.staffAt.has(s.ref) || this.staffAt.set(s.ref, i));
    this.codeAt = new Map(catalogueCodes(d).map((code, i) => [code, i]));
  }

  /** A visit the checks have passed: its people and codes are the file's. */
  add(v: Visit): void {
    const k = this.count++;
    this.text.push(v.ref, v.start, v.end, v.note ?? null);
    const n = this.numbers;
    const o = k * NUMBERS;
    n[o] = this.residentAt.get(v.resident)!;
    n[o + 1] = this.staffAt.get(v.staff)!;
    n[o + 2] = minutesBetween(v.start, v.end);
    n[o + 3] = v.confirmed ? 1 : 0;
    n[o + 4] = v.checkIn?.lat ?? NaN;
    n[o + 5] = v.checkIn?.lng ?? NaN;
    n[o + 6] = v.checkOut?.lat ?? NaN;
    n[o + 7] = v.checkOut?.lng ?? NaN;
    const items = v.items;
    this.itemCounts[k] = items.length;
    if (this.itemCount + items.length > this.items.length) {
      const bigger = new Uint16Array(2 * (this.itemCount + items.length));
      bigger.set(this.items.subarray(0, this.itemCount));
      this.items = bigger;
    }
    for (let j = 0; j < items.length; j++) this.items[this.itemCount++] = this.codeAt.get(items[j]!)!;
    if (this.count === BATCH) this.flush();
  }

  flush(): void {
    if (this.count === 0) return;
    const batch: VisitBatch = {
      count: this.count,
      text: this.text,
      numbers: this.count === BATCH ? this.numbers : this.numbers.slice(0, this.count * NUMBERS),
      itemCounts: this.count === BATCH ? this.itemCounts : this.itemCounts.slice(0, this.count),
      items: this.items.slice(0, this.itemCount),
    };
    // the buffers handed on may be transferred: new ones for the next batch
    this.count = 0;
    this.text = [];
    this.numbers = new Float64Array(BATCH * NUMBERS);
    this.itemCounts = new Uint16Array(BATCH);
    this.itemCount = 0;
    this.hand(batch);
  }
}

/** The buffers of a batch, to transfer rather than copy. */
export const batchBuffers = (b: VisitBatch): ArrayBuffer[] => [
  b.numbers.buffer as ArrayBuffer,
  b.itemCounts.buffer as ArrayBuffer,
  b.items.buffer as ArrayBuffer,
];
