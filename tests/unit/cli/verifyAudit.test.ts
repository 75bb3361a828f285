/**
 * The audit trail is tamper-evident (issue 16 §2): what the probe did to a real database file — dropped
 * the triggers, rewrote and deleted rows, recreated the triggers, inserted a forged row with another actor
 * and a past time — is found by `ltc verify-audit` (and `ltc check`) with exit 1 and the row; a trail
 * recomputed from scratch is found against the chain head in a submitted package's manifest. Run as an
 * administrator would: the built bin/ltc.cjs in a child process. The forger's hash is made as the spec
 * defines it (SHA-256 of the JSON array [prev hash, id, at, actor, action, entity, entity_id, before_json,
 * after_json]), not by the program's code.
 */
import type { StoredAuditRow } from '../../../electron/services/audit/auditChain';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const SAMPLE = join(root, 'tests/fixtures/sample-ningbo.json');
const CLI_ACTOR = `ltc:${userInfo().username}`;

function ltc(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/ltc.cjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Row = StoredAuditRow;

/** The hash as the issue defines it. */
const specHash = (prev: string | null, r: Omit<Row, 'prev_hash' | 'hash'>): string =>
  createHash('sha256')
    .update(JSON.stringify([prev, r.id, r.at, r.actor, r.action, r.entity, r.entity_id, r.before_json, r.after_json]), 'utf8')
    .digest('hex');

const TRIGGERS = `
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能修改'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能删除'); END;`;

/** Opens the file as a tamperer would (sqlite3 on the file), triggers dropped for `fn` and recreated after. */
function tamper(file: string, fn: (db: Database.Database) => void, opts: { recreateTriggers?: boolean } = {}): void {
  const db = new Database(file);
  try {
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    fn(db);
    if (opts.recreateTriggers ?? true) db.exec(TRIGGERS);
  } finally {
    db.close();
  }
}

const rowsOf = (file: string): Row[] => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[];
  } finally {
    db.close();
  }
};

let dir = '';
/** The sample institution with October submitted (package in `pkg`) and a few acts before and after. */
let pristine = '';
let pkg = '';
let n = 0;
const copy = (): string => {
  n += 1;
  const file = join(dir, `copy-${n}.db`);
  copyFileSync(pristine, file);
  return file;
};

beforeAll(() => {
  if (!existsSync(join(root, 'out/main/cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` before these tests');
  dir = mkdtempSync(join(tmpdir(), 'ltc-verify-audit-'));
  pristine = join(dir, 'pristine.db');
  pkg = join(dir, 'pkg');
  expect(ltc('import', '--db', pristine, SAMPLE).code).toBe(0);
  expect(ltc('export', '--db', pristine, join(dir, 'export.json')).code).toBe(0);
  expect(ltc('submit', '--db', pristine, '--month', '2026-10', '--accept-errors', '--by', '张会计', '--out', pkg).code).toBe(0);
  expect(ltc('result-template', '--db', pristine, '--month', '2026-10', join(dir, 'template.xlsx')).code).toBe(0);
  // a closed, checkpointed file: copies of it are whole
  const db = new Database(pristine);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}, 240_000);

describe('ltc verify-audit on an untouched database', () => {
  it('says 完整 with the count and the last row, exit 0; with the package too; and ltc check says so', () => {
    const rows = rowsOf(pristine);
    const last = rows.at(-1)!;
    const r = ltc('verify-audit', '--db', pristine);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`审计记录完整（${rows.length} 条，末条 #${last.id}）`);
    expect(ltc('verify-audit', '--db', pristine, '--package', pkg).code).toBe(0);
    const check = ltc('check', '--db', pristine);
    expect(check.code).toBe(0);
    expect(check.stderr).toContain('审计记录完整');
  });

  it('the submitted package names the chain head it was submitted at: a row written before the submission, as stored', () => {
    const manifest = JSON.parse(readFileSync(join(pkg, 'manifest.json'), 'utf8')) as { auditHead: { id: number; hash: string } };
    const rows = rowsOf(pristine);
    const submit = rows.find((x) => x.action === 'submit')!;
    expect(manifest.auditHead.id).toBeLessThan(submit.id);
    expect(rows.find((x) => x.id === manifest.auditHead.id)?.hash).toBe(manifest.auditHead.hash);
    // printed from storage: the package written out again says the same
    const again = join(dir, 'again');
    expect(ltc('package', '--db', copy(), '--month', '2026-10', '--out', again).code).toBe(0);
    expect(readFileSync(join(again, 'manifest.json'), 'utf8')).toBe(readFileSync(join(pkg, 'manifest.json'), 'utf8'));
  });
});

describe('ltc verify-audit finds each kind of tampering (exit 1, the row, why)', () => {
  it('triggers dropped, a row rewritten, triggers recreated: 内容被改动 at that row; ltc check fails too', () => {
    const file = copy();
    tamper(file, (db) => db.prepare("UPDATE audit_log SET actor = '别人' WHERE id = 2").run());
    const r = ltc('verify-audit', '--db', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('#2 内容被改动');
    const check = ltc('check', '--db', file);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('#2 内容被改动');
  });

  it('a row deleted: 记录缺失 at that id', () => {
    const file = copy();
    tamper(file, (db) => db.prepare('DELETE FROM audit_log WHERE id = 2').run());
    const r = ltc('verify-audit', '--db', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('#2 记录缺失');
  });

  it('the last row deleted: 记录缺失 at that id', () => {
    const file = copy();
    const last = rowsOf(file).at(-1)!;
    tamper(file, (db) => db.prepare('DELETE FROM audit_log WHERE id = ?').run(last.id));
    const r = ltc('verify-audit', '--db', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`#${last.id} 记录缺失`);
  });

  it('a forged row with another actor and a past time, even with a hash made the right way: 时间倒序 at that row', () => {
    const file = copy();
    const last = rowsOf(file).at(-1)!;
    const forged = {
      id: last.id + 1,
      at: '2026-10-15T10:00:00.000+08:00',
      actor: '张会计',
      action: 'update',
      entity: 'visit',
      entity_id: '3',
      before_json: null,
      after_json: '{"minutes":60}',
    };
    tamper(file, (db) =>
      db
        .prepare(
          'INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(...Object.values(forged), last.hash, specHash(last.hash, forged)),
    );
    const r = ltc('verify-audit', '--db', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`#${forged.id} 时间倒序`);
  });

  it('a forged row inserted plainly (as the probe did, no hash): 时间倒序 at that row', () => {
    const file = copy();
    const last = rowsOf(file).at(-1)!;
    tamper(file, (db) =>
      db
        .prepare("INSERT INTO audit_log (at, actor, action, entity, entity_id) VALUES ('2026-10-15T10:00:00.000+08:00', '张会计', 'update', 'visit', '3')")
        .run(),
    );
    const r = ltc('verify-audit', '--db', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`#${last.id + 1} 时间倒序`);
  });

  it('triggers dropped and left so: 触发器缺失', () => {
    const file = copy();
    tamper(file, () => {}, { recreateTriggers: false });
    const r = ltc('verify-audit', '--db', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('触发器缺失');
  });

  it('a row rewritten and the whole chain recomputed (the stored heads too): whole by itself, found against the submitted package (链头与申报包不符)', () => {
    const file = copy();
    const manifest = JSON.parse(readFileSync(join(pkg, 'manifest.json'), 'utf8')) as { auditHead: { id: number } };
    tamper(file, (db) => {
      db.prepare("UPDATE audit_log SET actor = '别人' WHERE id = 1").run();
      let prev: string | null = null;
      const heads = new Map<number, string>();
      for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[]) {
        const hash = specHash(prev, row);
        db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id);
        heads.set(row.id, hash);
        prev = hash;
      }
      for (const c of db.prepare('SELECT id, audit_head_id FROM claims WHERE audit_head_id IS NOT NULL').all() as { id: number; audit_head_id: number }[])
        db.prepare('UPDATE claims SET audit_head_hash = ? WHERE id = ?').run(heads.get(c.audit_head_id), c.id);
    });
    // everything the file holds agrees with itself…
    expect(ltc('verify-audit', '--db', file).code).toBe(0);
    // …but not with the manifest the agency keeps
    const r = ltc('verify-audit', '--db', file, '--package', pkg);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`#${manifest.auditHead.id} 链头与申报包不符`);
  });

  it('the chain recomputed but the submission’s stored head left: found without the package', () => {
    const file = copy();
    const manifest = JSON.parse(readFileSync(join(pkg, 'manifest.json'), 'utf8')) as { auditHead: { id: number } };
    tamper(file, (db) => {
      db.prepare("UPDATE audit_log SET actor = '别人' WHERE id = 1").run();
      let prev: string | null = null;
      for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[]) {
        const hash = specHash(prev, row);
        db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id);
        prev = hash;
      }
    });
    const r = ltc('verify-audit', '--db', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`#${manifest.auditHead.id} 链头与申报包不符`);
  });
});

describe('acts that leave a trail from the command line', () => {
  const rowsAfter = (file: string, from: number) => rowsOf(file).filter((r) => r.id > from);
  const after = (r: Row) => JSON.parse(r.after_json ?? 'null') as Record<string, unknown>;

  it('ltc export, ltc backup, ltc claim --package, ltc result-template and ltc restore each write a row naming who', () => {
    const file = copy();
    let mark = rowsOf(file).at(-1)!.id;
    const expectRow = (match: Partial<Row>, afterMatch: Record<string, unknown>) => {
      const rows = rowsAfter(file, mark);
      expect(rows).toEqual([expect.objectContaining({ actor: CLI_ACTOR, ...match })]);
      expect(after(rows[0]!)).toMatchObject(afterMatch);
      mark = rows[0]!.id;
    };

    expect(ltc('export', '--db', file, join(dir, 'e.json')).code).toBe(0);
    expectRow({ action: 'export', entity: 'dataset' }, { residents: 4, staff: 2, visits: 6 });

    const backup = join(dir, `b-${n}.db`);
    const atBackup = mark;
    expect(ltc('backup', '--db', file, backup).code).toBe(0);
    expectRow({ action: 'backup', entity: 'database' }, { file: backup });

    expect(ltc('claim', '--db', file, '--month', '2026-10', '--out', join(dir, `draft-${n}`), '--package').code).toBe(0);
    expectRow(
      { action: 'export', entity: 'claim' },
      { month: '2026-10', status: 'draft', files: expect.arrayContaining(['manifest.json', '结算申报汇总表.pdf']) },
    );

    expect(ltc('result-template', '--db', file, '--month', '2026-10', join(dir, `t-${n}.xlsx`)).code).toBe(0);
    expectRow({ action: 'export', entity: 'claim' }, { month: '2026-10', files: [`t-${n}.xlsx`] });

    // one more act, then the backup restored over it: every row written since the backup was taken (the
    // backup's own row included: it is written after the copy) is kept, archived
    expect(ltc('export', '--db', file, join(dir, 'e2.json')).code).toBe(0);
    const lost = rowsAfter(file, atBackup);
    expect(lost).toHaveLength(4);
    expect(ltc('restore', '--db', file, backup).code).toBe(0);
    const restored = rowsOf(file);
    const restore = restored.at(-1)!;
    expect(restore).toMatchObject({ actor: CLI_ACTOR, action: 'restore', entity: 'database' });
    expect(after(restore)).toMatchObject({ backup: `b-${n}.db` });
    const db = new Database(file, { readonly: true });
    const archived = db.prepare('SELECT id, actor, action, entity FROM audit_log_archived WHERE restore_id = ? ORDER BY id').all(restore.id);
    db.close();
    expect(archived).toEqual(lost.map((r) => ({ id: r.id, actor: r.actor, action: r.action, entity: r.entity })));
    expect(restore.id).toBe(atBackup + 1);
    expect(ltc('verify-audit', '--db', file).code).toBe(0);
  });
});
