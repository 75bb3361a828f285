/**
 * The visits' item lists read off the one items string of claimRows.ts (`visit id` US `code`, items
 * joined by RS, in visit_items' primary-key order): each visit's list as the number of the list in
 * the lists returned. A month's ~100,000 visits have ~11,000 distinct lists.
 *
 * Why not a tree of the lists by code (as before): a Map per node, a node object and a frozen prefix
 * list per node made ~15,000 Maps and ~30,000 objects that lived as long as the claim, ~6 MB for
 * every scavenge to copy, and the walk looked up a Map per item (243,000 a month). Here a visit's codes
 * are read as numbers (codeKey) into a scratch array with a hash of them; the list is found by that
 * hash, once per visit, and the numbers compared, so nothing is made per visit or per item, and a
 * list only when it is first seen (`npm run bench`, tests/bench/README.md).
 */

/** Separators of the items string: RS ends an item, US ends its visit's id. */
const END_OF_ITEM = 30;
const ITEM_SEP = 31;

const NO_ITEMS: readonly string[] = Object.freeze([]);

/** Characters in a code that a key can hold: 4 × 7 bits stay a small integer (a V8 Smi). */
const KEY_CHARS = 4;

/** Hashes stay within a Smi, so that looking one up never boxes a number. */
const HASH_BITS = 0x3fffffff;

/** The integer written in text[from, to), without making a string of it. */
export function idIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return Number(text.slice(from, to)); // a sign: never from this program
    n = n * 10 + d;
  }
  return n;
}

/**
 * The distinct lists seen, each once: its codes' keys side by side in one array (list l's are
 * keys[start[l]] … keys[start[l + 1] − 1]), found by their hash in an open-addressing table of list
 * numbers (a Map's lookup, once per visit, took as long as reading the items). A key is a code's
 * characters as one number when it has at most four, each 1…127 (every catalogue's: base 128 with
 * no zero digit, so different codes have different keys, the empty code 0); any other code gets a
 * negative number of its own (otherKey).
 */
class ListIndex {
  readonly lists: (readonly string[])[] = [NO_ITEMS];
  private keys = new Int32Array(1024);
  private readonly start: number[] = [0, 0];
  private readonly hashes: number[] = [0];
  /** list number + 1 by hash (0: free), kept under half full */
  private slots = new Int32Array(1 << 12);
  /** the text of each code seen, by key: the lists share one string per code */
  private readonly codes = new Map<number, string>();
  private readonly byText = new Map<string, number>();

  /** The key of a code that a number cannot hold. */
  otherKey(code: string): number {
    let key = this.byText.get(code);
    if (key === undefined) this.byText.set(code, (key = -1 - this.byText.size));
    return key;
  }

  /** The number of the list of keys scratch[0 … n − 1] with that hash; a new list when first seen (its codes at text[from[k], to[k])). */
  find(scratch: Int32Array, n: number, hash: number, text: string, from: Int32Array, to: Int32Array): number {
    if (n === 0) return 0;
    const mask = this.slots.length - 1;
    let s = hash & mask;
    for (let l = (this.slots[s] as number) - 1; l >= 0; l = (this.slots[s] as number) - 1) {
      if (this.hashes[l] === hash && this.holds(l, scratch, n)) return l;
      s = (s + 1) & mask;
    }
    const list = this.add(scratch, n, hash, text, from, to);
    this.slots[s] = list + 1;
    if (2 * this.lists.length > this.slots.length) this.rehash();
    return list;
  }

  private holds(list: number, scratch: Int32Array, n: number): boolean {
    const at = this.start[list] as number;
    if ((this.start[list + 1] as number) - at !== n) return false;
    for (let k = 0; k < n; k++) if (this.keys[at + k] !== scratch[k]) return false;
    return true;
  }

  private add(scratch: Int32Array, n: number, hash: number, text: string, from: Int32Array, to: Int32Array): number {
    const at = this.start[this.start.length - 1] as number;
    if (at + n > this.keys.length) this.keys = grown(this.keys, at + n);
    const codes: string[] = new Array(n);
    for (let k = 0; k < n; k++) {
      const key = scratch[k] as number;
      this.keys[at + k] = key;
      let code = this.codes.get(key);
      if (code === undefined) this.codes.set(key, (code = text.slice(from[k], to[k])));
      codes[k] = code;
    }
    this.start.push(at + n);
    this.hashes.push(hash);
    this.lists.push(Object.freeze(codes));
    return this.lists.length - 1;
  }

  private rehash(): void {
    const slots = new Int32Array(2 * this.slots.length);
    const mask = slots.length - 1;
    for (let l = 1; l < this.lists.length; l++) {
      let s = (this.hashes[l] as number) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = l + 1;
    }
    this.slots = slots;
  }
}

/**
 * Each visit's item list as the number of the list in the lists returned, for the visits of `ids`
 * (ascending), walking the items string (`all`) alongside them into `out`. Each item is read once:
 * its id's digits up to US as a number, then its code's characters up to RS as its key. One loop with
 * its state in locals: as closures called per item, the same walk took twice as long.
 */
export function itemListsOf(all: string | null, ids: Int32Array, out: Int32Array): (readonly string[])[] {
  const text = all ?? '';
  const len = text.length;
  const index = new ListIndex();
  // the current visit's items: their keys, and where each code lies in the text (grown for a long list)
  let keys = new Int32Array(64);
  let from = new Int32Array(64);
  let to = new Int32Array(64);
  let n = 0;
  let hash = 0;
  let v = 0;
  let last = -1;
  for (let at = 0; at < len;) {
    // the item at `at`: its visit's id up to US
    let us = at;
    let itemId = 0;
    for (; us < len; us++) {
      const d = text.charCodeAt(us) - 48;
      if (d < 0 || d > 9) break;
      itemId = itemId * 10 + d;
    }
    if (us === len || text.charCodeAt(us) !== ITEM_SEP) throw new Error('visit_items: an item without its visit id');
    // the walk relies on the order; a different one would lose items, so it is not taken quietly
    if (itemId < last) throw new Error('visit_items came out of visit order');
    last = itemId;
    // then its code up to RS, as a key: every character 1…127, so that codes of different lengths have different keys
    let rs = us + 1;
    let key = 0;
    for (; rs < len; rs++) {
      const ch = text.charCodeAt(rs);
      if (ch === END_OF_ITEM) break;
      if (key >= 0) key = ch > 0 && ch < 128 && rs - us <= KEY_CHARS ? key * 128 + ch : -1;
    }
    // the visits before this item's are complete
    while (v < ids.length && (ids[v] as number) < itemId) {
      out[v++] = index.find(keys, n, hash, text, from, to);
      n = 0;
      hash = 0;
    }
    if (v < ids.length && ids[v] === itemId) {
      if (key < 0) key = index.otherKey(text.slice(us + 1, rs));
      if (n === keys.length) {
        keys = grown(keys, n + 1);
        from = grown(from, n + 1);
        to = grown(to, n + 1);
      }
      keys[n] = key;
      from[n] = us + 1;
      to[n] = rs;
      n++;
      hash = (Math.imul(hash, 31) + key) & HASH_BITS;
    }
    at = rs + 1;
  }
  for (; v < ids.length; v++) {
    out[v] = index.find(keys, n, hash, text, from, to);
    n = 0;
    hash = 0;
  }
  return index.lists;
}

/** A copy of `a` with room for at least `size`. */
function grown(a: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.max(2 * a.length, size));
  out.set(a);
  return out;
}
