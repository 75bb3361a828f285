/**
 * A sizing experiment, not product code: the month's claim work done over COLUMNS (typed arrays
 * for times, day, client and caregiver numbers, strings only for refs; no Visit or verdict objects),
 * timed against the bare-SQL floor and the real claim (computeMonthClaim). It does most of the real
 * work (the same reads, every resident's facts, the overlap sweep, the per-visit rules by day number,
 * the unconfirmed issues, each client's valid minutes) but not all (no sorting by time within a
 * client, no other issues' messages, no lines or evidence), so it gives a lower bound for the
 * structural change issue 4's 3x target needs. 2026-12-02 on a shared 2-core machine, 15 runs each,
 * alternating: floor 160 / 200 ms (min / median), this 305 / 369 ms (1.85x), the claim 444 / 573 ms (2.87x).
 *
 *   npm run bench -- --keep            (once: generates the database and prints its path)
 *   LTC_BENCH_DB=FILE npx vitest run --config tests/bench/vitest.bench.mts tests/bench/experiments/columnarClaim.run.ts
 */
import { it } from 'vitest';
import { computeMonthClaim } from '../../../electron/services/claims/monthClaim';
import { readEngineResidents, readEngineStaff } from '../../../electron/services/dataset/claimRows';
import { openDatabase } from '../../../electron/services/db/database';
import { certificateDays, certifiedOn, periodOn, residentDays, segmentOn, type CertificateDays, type ResidentDays } from '../../../shared/claims/dayNumbers';
import { makeIssue } from '../../../shared/claims/issue';
import { messages } from '../../../shared/claims/messages';
import { residentFacts } from '../../../shared/claims/residentFacts';
import { groupIndices } from '../../../shared/claims/visitOrder';
import { dayNumber } from '../../../shared/domain/dates';
import { catalogueIndex } from '../../../shared/policy/catalogue';
import { findCatalogue, findPolicyPack } from '../../../shared/policy/registry';
import { floorQueries } from '../sqlFloor';

interface Node {
  list: string[];
  min: number;
  medical: boolean;
  next: Map<string, Node>;
}

function idIn(s: string, a: number, b: number): number {
  let n = 0;
  for (let k = a; k < b; k++) n = n * 10 + s.charCodeAt(k) - 48;
  return n;
}

it('sizes a columnar claim against the floor and the claim', () => {
  const file = process.env.LTC_BENCH_DB;
  if (!file) throw new Error('set LTC_BENCH_DB to a benchmark database (npm run bench -- --keep prints one)');
  const db = openDatabase(file);
  const sql = db.raw;
  const found = findPolicyPack('ningbo-2022');
  const catalogue = found && findCatalogue(found.catalogue);
  if (!found || !catalogue) throw new Error('ningbo-2022 missing');
  const pack = found;
  const items = catalogueIndex(catalogue);
  const floor = floorQueries(sql);
  const visitRows = sql.prepare(`SELECT id || ',' || resident_id || ',' || staff_id || ',' || confirmed || start_at || end_at || ref
    FROM visits v NOT INDEXED WHERE id BETWEEN @lo AND @hi AND start_at >= @from AND start_at < @to AND (start_at >= @cut OR end_at > @cut)`).pluck();
  const itemText = sql.prepare('SELECT group_concat(visit_id || char(31) || code, char(30)) FROM visit_items WHERE visit_id BETWEEN @lo AND @hi').pluck();
  const span = sql.prepare('SELECT min(id), max(id), count(*) FROM visits WHERE start_at >= ? AND start_at < ?').raw();

  /** The reading, as claimRows.ts does it, into columns. */
  function readColumns() {
    const residents = readEngineResidents(sql);
    const staffList = readEngineStaff(sql);
    const residentNumber: number[] = [];
    let k = 0;
    for (const [id] of residents.refs) residentNumber[id] = k++;
    const staffNumber: number[] = [];
    k = 0;
    for (const [id] of staffList.refs) staffNumber[id] = k++;
    const [lo, hi] = span.get('2026-09-24', '2026-11-02') as [number, number];
    const rows = visitRows.all({ lo, hi, from: '2026-09-24', to: '2026-11-02', cut: '2026-10-01T00:00' }) as string[];
    const n = rows.length;
    const c = {
      n,
      client: new Int32Array(n),
      staff: new Int32Array(n),
      start: new Int32Array(n),
      end: new Int32Array(n),
      day: new Int32Array(n),
      confirmed: new Uint8Array(n),
      ref: new Array<string>(n),
      items: new Array<Node>(n),
    };
    const firstRow = rows[0] ?? '';
    const lastRow = rows[n - 1] ?? '';
    const text = (itemText.get({ lo: idIn(firstRow, 0, firstRow.indexOf(',')), hi: idIn(lastRow, 0, lastRow.indexOf(',')) }) as string | null) ?? '';
    // item lists as a tree by code, each node knowing what its list asks of a visit
    const root: Node = { list: [], min: pack.minVisitMinutes, medical: false, next: new Map() };
    let at = 0;
    let itemId = -1;
    let codeFrom = 0;
    let codeTo = 0;
    const read = (): void => {
      if (at >= text.length) {
        itemId = Number.POSITIVE_INFINITY;
        return;
      }
      let us = at;
      while (us < text.length && text.charCodeAt(us) !== 31) us++;
      let rs = text.indexOf('\u001e', us);
      if (rs < 0) rs = text.length;
      itemId = idIn(text, at, us);
      codeFrom = us + 1;
      codeTo = rs;
      at = rs + 1;
    };
    read();
    let lastDate = '';
    let lastDay = 0;
    const minuteAt = (s: string, o: number): number => {
      if (lastDate === '' || !s.startsWith(lastDate, o)) {
        lastDate = s.slice(o, o + 10);
        lastDay = dayNumber(lastDate);
      }
      return lastDay * 1440 + ((s.charCodeAt(o + 11) - 48) * 10 + s.charCodeAt(o + 12) - 48) * 60 + (s.charCodeAt(o + 14) - 48) * 10 + s.charCodeAt(o + 15) - 48;
    };
    for (let i = 0; i < n; i++) {
      const row = rows[i] as string;
      const c0 = row.indexOf(',');
      const c1 = row.indexOf(',', c0 + 1);
      const p = row.indexOf(',', c1 + 1);
      const t = p + 2;
      const id = idIn(row, 0, c0);
      c.client[i] = row.startsWith('2026-10', t) ? (residentNumber[idIn(row, c0 + 1, c1)] ?? -1) : -1;
      c.staff[i] = staffNumber[idIn(row, c1 + 1, p)] ?? -1;
      c.confirmed[i] = row.charCodeAt(p + 1) === 49 ? 1 : 0;
      c.start[i] = minuteAt(row, t);
      c.day[i] = lastDay;
      c.end[i] = minuteAt(row, t + 16);
      c.ref[i] = row.slice(t + 32);
      while (itemId < id) read();
      let node = root;
      while (itemId === id) {
        const code = text.slice(codeFrom, codeTo);
        let next = node.next.get(code);
        if (!next) {
          const item = items.get(code);
          next = { list: [...node.list, code], min: Math.max(node.min, item?.minMinutes ?? 0), medical: node.medical || item?.class === 'medical', next: new Map() };
          node.next.set(code, next);
        }
        node = next;
        read();
      }
      c.items[i] = node;
    }
    return { residents, staffList, c };
  }

  function claim(): number {
    return db.transaction(() => {
      const { residents, staffList, c } = readColumns();
      const facts = residents.list.map((r) => residentFacts(r, pack));
      const factDays: (ResidentDays | null)[] = facts.map((f) => residentDays(f));
      const certDays: (CertificateDays | null)[] = staffList.list.map((s) => certificateDays(s.certificates));
      // overlaps, per caregiver
      const byStaff = groupIndices(c.staff, staffList.list.length);
      const overlapping = new Uint8Array(c.n);
      const active = new Int32Array(c.n);
      for (let g = 0; g < staffList.list.length; g++) {
        let running = 0;
        for (let k = byStaff.offsets[g] as number; k < (byStaff.offsets[g + 1] as number); k++) {
          const cur = byStaff.order[k] as number;
          const cs = c.start[cur] as number;
          const ce = c.end[cur] as number;
          let kept = 0;
          for (let q = 0; q < running; q++) {
            const x = active[q] as number;
            if ((c.end[x] as number) > cs) active[kept++] = x;
          }
          running = kept;
          for (let q = 0; q < kept; q++) {
            const x = active[q] as number;
            if (cs < (c.end[x] as number) && (c.start[x] as number) < ce) overlapping[cur] = overlapping[x] = 1;
          }
          active[running++] = cur;
        }
      }
      // the rules, per client
      const byClient = groupIndices(c.client, facts.length);
      const issues: unknown[] = [];
      let total = 0;
      for (let r = 0; r < facts.length; r++) {
        const f = facts[r];
        const days = factDays[r];
        if (!f || !days) continue;
        let minutes = 0;
        for (let k = byClient.offsets[r] as number; k < (byClient.offsets[r + 1] as number); k++) {
          const i = byClient.order[k] as number;
          const d = c.day[i] as number;
          let ok = c.confirmed[i] === 1;
          const segment = f.timeline.segments[segmentOn(days, d)];
          if (!segment || segment.status !== 'present') ok = false;
          const period = f.periods[periodOn(days, d)];
          if (!period || !pack.eligibleLevels.includes(period.level)) ok = false;
          const certs = certDays[c.staff[i] as number];
          if (!certs || !certifiedOn(certs, d)) ok = false;
          const node = c.items[i] as Node;
          if (node.medical && !(certs && certifiedOn(certs, d, 'nurse-licence'))) ok = false;
          const m = (c.end[i] as number) - (c.start[i] as number);
          if (m < node.min || overlapping[i]) ok = false;
          if (!c.confirmed[i]) issues.push(makeIssue('VISIT_UNCONFIRMED', messages.visitUnconfirmed(f.resident.name, c.ref[i] as string, '2026-10-01'), { resident: f.resident.ref, visit: c.ref[i] }));
          if (ok) minutes += m;
        }
        total += minutes;
      }
      return total + issues.length;
    });
  }

  const t: Record<string, number[]> = { floor: [], columns: [], claim: [] };
  for (let r = 0; r < 3; r++) {
    claim();
    computeMonthClaim(db, '2026-10');
    floor.run('2026-10');
  }
  for (let r = 0; r < 15; r++) {
    let a = performance.now();
    floor.run('2026-10');
    t.floor?.push(performance.now() - a);
    a = performance.now();
    claim();
    t.columns?.push(performance.now() - a);
    a = performance.now();
    computeMonthClaim(db, '2026-10');
    t.claim?.push(performance.now() - a);
  }
  db.close();
  const med = (x: number[]) => [...x].sort((p, q) => p - q)[x.length >> 1] ?? Number.NaN;
  for (const [name, v] of Object.entries(t)) console.log(name.padEnd(8), 'min', Math.min(...v).toFixed(0), 'median', med(v).toFixed(0), 'x floor (medians)', (med(v) / med(t.floor ?? [])).toFixed(2));
});
