/**
 * The engine's resident reader (claimResidents.ts: assessments and stay events as one joined string
 * each) gives what the whole records give (readResidents) of the fields the engine reads, in the
 * same order: every event type, a mode or none, a level of any value, people without records.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEngineResidents } from '../../../electron/services/dataset/claimResidents';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { readResidents } from '../../../electron/services/dataset/readRecords';
import { openDatabase } from '../../../electron/services/db/database';
import type { Resident } from '../../../shared/domain/model';
import { sample, tempDir, track } from '../services/helpers';

const lean = (r: Resident) => ({
  ref: r.ref,
  name: r.name,
  idNumber: r.idNumber,
  assessments: r.assessments.map(({ level, concludedOn }) => ({ level, concludedOn })),
  events: r.events.map((e) => ({ type: e.type, date: e.date, ...(e.mode !== undefined ? { mode: e.mode } : {}) })),
});

describe('the lean resident reader', () => {
  it('reads the assessments and stay events the whole records hold, in order', () => {
    const db = track(openDatabase(path.join(tempDir(), 'ltc.db')));
    importDataset(db, sample(), { actor: 't' });
    // every event type, with and without a mode, entered out of date order, and a resident with no records
    const id = db.raw.prepare('SELECT id FROM residents ORDER BY id LIMIT 1').pluck().get() as number;
    const add = db.raw.prepare('INSERT INTO stay_events (resident_id, seq, type, date, mode) VALUES (?, ?, ?, ?, ?)');
    const seq = (db.raw.prepare('SELECT coalesce(max(seq), 0) FROM stay_events WHERE resident_id = ?').pluck().get(id) as number) + 1;
    add.run(id, seq, 'hospital', '2026-11-03', null);
    add.run(id, seq + 1, 'return', '2026-11-01', null);
    add.run(id, seq + 2, 'leave', '2026-11-05', null);
    add.run(id, seq + 3, 'discharge', '2026-11-09', null);
    add.run(id, seq + 4, 'admit', '2026-11-10', 'home');
    add.run(id, seq + 5, 'death', '2026-11-20', null);
    db.raw.prepare('INSERT INTO assessments (resident_id, level, concluded_on) VALUES (?, ?, ?)').run(id, 0, '2026-11-02');
    db.raw.prepare('INSERT INTO assessments (resident_id, level, concluded_on) VALUES (?, ?, ?)').run(id, 5, '2026-11-01');
    db.raw
      .prepare(
        "INSERT INTO residents (ref, name, id_number, created_at, updated_at) SELECT 'nobody-' || ref, name, id_number, created_at, updated_at FROM residents WHERE id = ?",
      )
      .run(id);
    const whole = readResidents(db.raw);
    const read = readEngineResidents(db.raw);
    expect(read.list.map(lean)).toEqual(whole.list.map(lean));
    expect([...read.refs]).toEqual([...whole.refs]);
    expect(read.list.find((r) => r.ref.startsWith('nobody-'))).toMatchObject({ assessments: [], events: [] });
  });
});
