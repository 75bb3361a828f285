/**
 * The engine's lean visit reader (claimRows.ts) gives the visits of the whole records (readVisits)
 * however the items are stored: positions not from 0 or with gaps, an empty code, visits without
 * items next to ones with many, times that share a date or not, and the visits running into the month.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { loadClaimFacts, loadClaimInput } from '../../../electron/services/dataset/loadMonth';
import { openDatabase } from '../../../electron/services/db/database';
import { visitsOf } from '../../../shared/claims/visitTable';
import type { Visit } from '../../../shared/domain/model';
import { sample, tempDir, track } from '../services/helpers';
import { pinToday } from '../../support/today';

const visit = (ref: string, staff: string, start: string, end: string, items: string[] = ['LC01']): Visit => ({
  ref,
  resident: 'r3',
  staff,
  start,
  end,
  items,
  confirmed: true,
});
const strip = ({ ref, resident, staff, start, end, items, confirmed }: Visit) => ({ ref, resident, staff, start, end, items: [...items], confirmed });

describe('the lean visit reader', () => {
  it('reads every visit with its items in order, as the whole records do', () => {
    const db = track(openDatabase(path.join(tempDir(), 'ltc.db')));
    const d = sample();
    d.visits.push(
      visit('into', 's2', '2026-09-30T22:00', '2026-10-01T08:30', ['LC08', 'LC01']),
      visit('a', 's1', '2026-10-01T08:00', '2026-10-01T09:00', ['LC01', 'LC08', 'MC05']),
      visit('b', 's1', '2026-10-01T10:00', '2026-10-01T11:00', []),
      visit('c', 's2', '2026-10-02T10:00', '2026-10-02T11:00', ['LC08']),
      visit('d', 's2', '2026-10-02T10:00', '2026-10-02T11:00', ['LC01', 'LC08']),
      visit('e', 's1', '2026-10-31T23:30', '2026-11-01T00:45', ['MC05', 'LC01']),
    );
    importDataset(db, d, { actor: 't' });
    // positions that do not start at 0, with gaps, and an empty code
    db.raw.exec(`UPDATE visit_items SET position = position * 3 + 7 WHERE visit_id = (SELECT id FROM visits WHERE ref = 'a')`);
    db.raw.exec(`INSERT INTO visit_items (visit_id, position, code) SELECT id, 0, '' FROM visits WHERE ref = 'b'`);
    db.raw.exec(`INSERT INTO visit_items (visit_id, position, code) SELECT id, 9, '' FROM visits WHERE ref = 'c'`);
    // codes the reader cannot key by their characters (longer than four, not ASCII) beside ones it can
    db.raw.exec(`INSERT INTO visit_items (visit_id, position, code) SELECT id, 5, 'LC01X' FROM visits WHERE ref = 'e'`);
    db.raw.exec(`INSERT INTO visit_items (visit_id, position, code) SELECT id, 6, '护理' FROM visits WHERE ref = 'e'`);
    db.raw.exec(`INSERT INTO visit_items (visit_id, position, code) SELECT id, 7, 'LC0' FROM visits WHERE ref = 'e'`);
    for (const month of ['2026-09', '2026-10', '2026-11']) {
      const whole = loadClaimInput(db, month).visits.map(strip);
      expect(visitsOf(loadClaimFacts(db, month).visits).map(strip)).toEqual(whole);
      const lean = visitsOf(loadClaimFacts(db, month, { weekBefore: false }).visits).map(strip);
      expect(lean).toEqual(whole.filter((v) => v.start >= `${month}-01` || v.end > `${month}-01T00:00`));
    }
    const october = visitsOf(loadClaimFacts(db, '2026-10', { weekBefore: false }).visits);
    const items = (ref: string) => october.find((v) => v.ref === ref)?.items;
    expect(items('a')).toEqual(['LC01', 'LC08', 'MC05']);
    expect(items('b')).toEqual(['']);
    expect(items('c')).toEqual(['LC08', '']);
    expect(items('into')).toEqual(['LC08', 'LC01']);
    expect(visitsOf(loadClaimFacts(db, '2026-11').visits).find((v) => v.ref === 'e')?.items).toEqual(['MC05', 'LC01', 'LC01X', '护理', 'LC0']);
    expect(october.map((v) => v.ref)).toContain('into');
  });

  it('reads refs that hold the separators and commas, one row at a time when they would split the joined rows', () => {
    const db = track(openDatabase(path.join(tempDir(), 'ltc.db')));
    const d = sample();
    d.visits.push(
      visit('odd-ref', 's1', '2026-10-05T08:00', '2026-10-05T09:00'),
      visit('a,b,c', 's2', '2026-10-05T10:00', '2026-10-05T11:00'),
      visit('long-ref-of-thirty-characters', 's1', '2026-10-06T08:00', '2026-10-06T09:00'),
    );
    importDataset(db, d, { actor: 't' });
    // A control character in a ref is refused at import since issue 16, but a file stored by an earlier
    // release may hold one: put it there as such a file would have it.
    db.raw.exec(`UPDATE visits SET ref = 'odd' || char(30) || 'ref' WHERE ref = 'odd-ref'`);
    const whole = loadClaimInput(db, '2026-10').visits.map(strip);
    const read = visitsOf(loadClaimFacts(db, '2026-10').visits).map(strip);
    expect(read).toEqual(whole);
    expect(read.map((v) => v.ref)).toEqual(expect.arrayContaining(['odd\u001eref', 'a,b,c', 'long-ref-of-thirty-characters']));
    // without the odd ref, the joined rows: the same visits
    db.raw.exec(`DELETE FROM visits WHERE ref = 'odd' || char(30) || 'ref'`);
    expect(visitsOf(loadClaimFacts(db, '2026-10').visits).map(strip)).toEqual(loadClaimInput(db, '2026-10').visits.map(strip));
  });

  it("is not misled by a ref whose RS is followed by what looks like the next visit's row", () => {
    const db = track(openDatabase(path.join(tempDir(), 'ltc.db')));
    const d = sample();
    d.visits.push(visit('odd', 's1', '2026-10-05T08:00', '2026-10-05T09:00'), visit('next', 's2', '2026-10-05T10:00', '2026-10-05T11:00'));
    importDataset(db, d, { actor: 't' });
    // the piece after the RS starts like the next visit's row (its id, people, confirmation) and is shorter than
    // a row's times, so that reading it as a row would run on into the next visit's
    db.raw.exec(`UPDATE visits SET ref = 'x' || char(30) || (id + 1) || ',1,1,1' WHERE ref = 'odd'`);
    const read = visitsOf(loadClaimFacts(db, '2026-10').visits).map(strip);
    expect(read).toEqual(loadClaimInput(db, '2026-10').visits.map(strip));
    expect(read.map((v) => v.ref)).toContain('next');
  });

  it("gives the same visits when the month's ids are scattered among other months' (entered out of time order)", () => {
    // December visits up to the 28th: a today after them.
    pinToday('2026-12-31');
    const db = track(openDatabase(path.join(tempDir(), 'ltc.db')));
    const d = sample();
    // For every October visit, three December ones entered between: the month's ids span more
    // than twice as many ids as it has visits, so the reader takes the start index instead.
    const october = d.visits.filter((v) => v.start.startsWith('2026-10'));
    const others = d.visits.filter((v) => !v.start.startsWith('2026-10'));
    d.visits = [...others];
    october.forEach((v, i) => {
      for (let k = 0; k < 3; k++) {
        const day = String(1 + ((i * 3 + k) % 28)).padStart(2, '0');
        d.visits.push({
          ...v,
          ref: `${v.ref}-dec${k}`,
          start: `2026-12-${day}T08:00`,
          end: `2026-12-${day}T09:00`,
          items: k === 1 ? [] : ['LC08', 'LC01'].slice(k),
        });
      }
      d.visits.push(v);
    });
    importDataset(db, d, { actor: 't' });
    const ids = db.raw.prepare(`SELECT min(id), max(id), count(*) FROM visits WHERE start_at >= '2026-09-24' AND start_at < '2026-11-02'`).raw().get() as [
      number,
      number,
      number,
    ];
    expect(ids[1] - ids[0] + 1).toBeGreaterThan(2 * ids[2]);
    for (const month of ['2026-10', '2026-12']) {
      const whole = loadClaimInput(db, month).visits.map(strip);
      expect(whole.length).toBeGreaterThan(0);
      expect(visitsOf(loadClaimFacts(db, month).visits).map(strip)).toEqual(whole);
      const lean = visitsOf(loadClaimFacts(db, month, { weekBefore: false }).visits).map(strip);
      expect(lean).toEqual(whole.filter((v) => v.start >= `${month}-01` || v.end > `${month}-01T00:00`));
    }
  });
});
