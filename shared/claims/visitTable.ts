/**
 * A month's visits as columns: row i is one visit. The claim judges ~100,000 visits a month; made
 * as one object per visit, and one verdict object per visit after it, the objects and the lookups
 * by ref they needed cost more than the rules themselves (`npm run bench`). As columns, a visit's
 * client, caregiver and item list are numbers into short lists, and what the claim decides about
 * it is written into typed arrays (computeClaim, visitChecks).
 *
 * The database reader builds a table straight from its rows (electron/services/dataset/claimRows.ts);
 * `tableOf` builds the same from plain `Visit`s (a dataset file, tests, one visit on the visits screen).
 */
import type { Visit } from '../domain/model';

export interface VisitTable {
  readonly length: number;
  readonly ref: readonly string[];
  /** `YYYY-MM-DDTHH:mm`, as stored */
  readonly start: readonly string[];
  readonly end: readonly string[];
  /** 1: confirmed by the client */
  readonly confirmed: Uint8Array;
  /** the visit's resident: an index into `clients` */
  readonly client: Int32Array;
  /** resident refs, each once */
  readonly clients: readonly string[];
  /** the visit's caregiver: an index into `caregivers` */
  readonly caregiver: Int32Array;
  /** staff refs, each once */
  readonly caregivers: readonly string[];
  /** the visit's item codes: an index into `itemLists` */
  readonly items: Int32Array;
  /** distinct item lists (a month has a few thousand), each in logged order */
  readonly itemLists: readonly (readonly string[])[];
}

export function isVisitTable(visits: readonly Visit[] | VisitTable): visits is VisitTable {
  return !Array.isArray(visits);
}

/** A numbering of strings in order of first appearance. */
function numbering(): { of: (key: string) => number; keys: string[] } {
  const index = new Map<string, number>();
  const keys: string[] = [];
  return {
    of: (key) => {
      let n = index.get(key);
      if (n === undefined) {
        index.set(key, (n = keys.length));
        keys.push(key);
      }
      return n;
    },
    keys,
  };
}

/** The visits as a table, in the same order. */
export function tableOf(visits: readonly Visit[]): VisitTable {
  const n = visits.length;
  const clients = numbering();
  const caregivers = numbering();
  const lists = new Map<string, number>();
  const itemLists: (readonly string[])[] = [];
  const table = {
    length: n,
    ref: new Array<string>(n),
    start: new Array<string>(n),
    end: new Array<string>(n),
    confirmed: new Uint8Array(n),
    client: new Int32Array(n),
    clients: clients.keys,
    caregiver: new Int32Array(n),
    caregivers: caregivers.keys,
    items: new Int32Array(n),
    itemLists,
  };
  for (let i = 0; i < n; i++) {
    const v = visits[i] as Visit;
    table.ref[i] = v.ref;
    table.start[i] = v.start;
    table.end[i] = v.end;
    table.confirmed[i] = v.confirmed ? 1 : 0;
    table.client[i] = clients.of(v.resident);
    table.caregiver[i] = caregivers.of(v.staff);
    // codes never hold a unit separator (the catalogue's codes are short ASCII)
    const key = v.items.join('\u001f');
    let list = lists.get(key);
    if (list === undefined) {
      lists.set(key, (list = itemLists.length));
      itemLists.push(v.items);
    }
    table.items[i] = list;
  }
  return table;
}

/** Row i as a plain visit. */
export function visitAt(table: VisitTable, i: number): Visit {
  return {
    ref: table.ref[i] as string,
    resident: table.clients[table.client[i] as number] as string,
    staff: table.caregivers[table.caregiver[i] as number] as string,
    start: table.start[i] as string,
    end: table.end[i] as string,
    items: table.itemLists[table.items[i] as number] as string[],
    confirmed: table.confirmed[i] === 1,
  };
}

/** Every row as a plain visit, in order. */
export function visitsOf(table: VisitTable): Visit[] {
  const out: Visit[] = new Array(table.length);
  for (let i = 0; i < table.length; i++) out[i] = visitAt(table, i);
  return out;
}
