/**
 * The kill -9 harness: a writing process (`ltc import`, `ltc submit`, `ltc backup`, the HTTP host taking
 * writes) is SIGKILLed at a moment drawn from the seeded PRNG, then its files are opened and judged:
 *   corrupt           PRAGMA integrity_check is not ok, or the app cannot open the file or finish the work after;
 *   lostAcknowledged  a write acknowledged before the kill (the CLI's success line, an HTTP 200 `ok`) is missing;
 * The host's writes, in turn until the kill: a new resident (`residents.save`), the resident's admission
 * (`residents.addEvent`), and every third time a visit imported from a one-row CSV (`visits.importCommit`,
 * the import worker's transaction); each acknowledged one must be in the file after the kill.
 *   halfStates        some but not all of one dataset's records, a submitted claim whose package does not
 *                     verify, a package folder under its final name that is not the claim's, a backup under
 *                     its final name that is not a whole database, a month left held by the dead process.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { idNumber } from './idNumbers.mjs';
import { rpc, startHost, stopHost } from './host.mjs';
import { HEADER, toCsv } from './tables.mjs';

/**
 * `node bin/ltc.cjs ARGS`. `kill`: SIGKILL `afterMs` after the start, or, with `when`, `afterMs` after
 * `when()` first holds (polled every 2 ms: the first write seen). `wroteAt`: when `when()` first held.
 */
export function ltc(root, args, env, kill) {
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(root, 'bin/ltc.cjs'), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let wroteAt = null;
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    let timer = null;
    let poll = null;
    if (kill?.when) {
      poll = setInterval(() => {
        if (wroteAt !== null || !kill.when()) return;
        wroteAt = performance.now() - t0;
        clearInterval(poll);
        if (kill.afterMs !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
      }, 2);
    } else if (kill?.afterMs !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (poll) clearInterval(poll);
      done({ code, signal, out, err, ms: performance.now() - t0, wroteAt });
    });
  });
}

/** What a database file holds after a kill: `missing`, `empty`, or its integrity and record counts. */
export function inspect(file) {
  if (!existsSync(file)) return { state: 'missing' };
  if (statSync(file).size === 0) return { state: 'empty' };
  let db;
  try {
    db = new Database(file, { fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
    const count = (t) => (tables.has(t) ? db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() : 0);
    return {
      state: integrity === 'ok' ? 'ok' : 'corrupt',
      integrity,
      residents: count('residents'),
      visits: count('visits'),
      tables,
      db,
    };
  } catch (e) {
    return { state: 'corrupt', integrity: e instanceof Error ? e.message : String(e) };
  } finally {
    // the caller reads more through `db` when it needs to; closed by `release`
  }
}
const release = (s) => s.db?.close();

/** The harness: `kill(i)` runs kill number i (kinds in turn), returns what it found; `calibrate()` first. */
export function killHarness({ root, dir, rnd, env, scaledFile, scaledCounts, baseDb, bigDb, log }) {
  const durations = {};
  const migrationsCut = [];
  let latestVersion = Infinity;
  const found = { corrupt: [], lostAcknowledged: [], halfStates: [] };
  const note = (what, kind, i, detail) => {
    found[what].push({ kind, kill: i, ...detail });
    log(`  ${what}: ${kind} kill ${i}: ${JSON.stringify(detail)}`);
  };
  // A kill moment: three times in four within the writing (`afterMs` after the first write is seen, up to a
  // little past the end), else anywhere from the start (Node and the bundle loading, the file being opened).
  // The durations follow the machine's load: every uninterrupted run (the reruns after a kill) updates them.
  const moment = (kind, when) =>
    when && rnd.next() < 0.75
      ? { when, afterMs: Math.round(rnd.next() * durations[`${kind}Writing`] * 1.2) }
      : { afterMs: Math.round(rnd.next() * durations[kind] * 1.1) };
  const learn = (kind, r) => {
    if (r.code !== 0) return;
    durations[kind] = (durations[kind] + r.ms) / 2;
    if (r.wroteAt !== null && durations[`${kind}Writing`] !== undefined) durations[`${kind}Writing`] = (durations[`${kind}Writing`] + r.ms - r.wroteAt) / 2;
  };
  const gone = (...files) => files.forEach((f) => rmSync(f, { recursive: true, force: true }));
  const walFiles = (f) => [f, `${f}-wal`, `${f}-shm`, `${f}-journal`];

  /** The app opens it: `ltc check --db` exits 0. */
  const opens = async (file) => (await ltc(root, ['check', '--db', file], env)).code === 0;

  const kinds = {
    async import(i) {
      const f = join(dir, `kill-import-${i}.db`);
      const written = () => existsSync(f);
      const at = moment('import', written);
      const r = await ltc(root, ['import', '--db', f, scaledFile], env, at);
      const acked = /已导入/.test(r.err + r.out);
      const s = inspect(f);
      const detail = { at, killed: r.signal === 'SIGKILL', acked, residents: s.residents, visits: s.visits };
      if (s.state === 'ok') {
        // a new file's migrations commit one by one: a kill between two leaves an older schema, which the rerun upgrades
        const version = s.db.pragma('user_version', { simple: true });
        if (version < latestVersion) migrationsCut.push({ kill: i, version });
      }
      if (s.state === 'corrupt') note('corrupt', 'import', i, { ...detail, integrity: s.integrity });
      else if (s.state === 'ok') {
        const whole = s.residents === scaledCounts.residents && s.visits === scaledCounts.visits;
        const none = s.residents === 0 && s.visits === 0;
        if (!whole && !none) note('halfStates', 'import', i, detail);
        if (acked && !whole) note('lostAcknowledged', 'import', i, detail);
      } else if (acked) note('lostAcknowledged', 'import', i, { ...detail, file: s.state });
      release(s);
      // the file is usable: the same import, run again, completes and leaves the whole dataset
      const again = await ltc(root, ['import', '--db', f, scaledFile], env, { when: () => existsSync(f) });
      const after = inspect(f);
      if (again.code !== 0 || after.state !== 'ok' || after.residents !== scaledCounts.residents) {
        note('corrupt', 'import', i, { ...detail, rerun: again.code, rerunErr: again.err.slice(0, 300), after: after.state });
      }
      release(after);
      // with the file's pre-migration backup, when the kill came between two migrations of the new file
      gone(
        ...walFiles(f),
        ...readdirSync(dir)
          .filter((n) => n.startsWith(`kill-import-${i}.db.pre-migration-`))
          .map((n) => join(dir, n)),
      );
      if (s.state === 'missing') learn('import', again);
      return { at, killed: r.signal === 'SIGKILL', acked, touched: s.state !== 'missing' };
    },

    async submit(i) {
      const f = join(dir, `kill-submit-${i}.db`);
      const out = join(dir, `kill-submit-${i}`);
      copyFileSync(baseDb, f);
      const at = moment('submit');
      const r = await ltc(root, ['submit', '--db', f, '--month', '2026-10', '--accept-errors', '--out', join(out, 'pkg')], env, at);
      const acked = /已申报/.test(r.err + r.out);
      const s = inspect(f);
      const detail = { at, killed: r.signal === 'SIGKILL', acked };
      let submitted = false;
      let held = false;
      if (s.state !== 'ok') note('corrupt', 'submit', i, { ...detail, integrity: s.integrity ?? s.state });
      else {
        const claim = s.db.prepare("SELECT id FROM claims WHERE month = '2026-10' AND status = 'submitted'").get();
        submitted = claim !== undefined;
        // the month's hold (taken first, before the claim is prepared): the kill came once it had written
        held = s.tables.has('submission_holds') && s.db.prepare('SELECT count(*) FROM submission_holds').pluck().get() > 0;
        if (acked && !submitted) note('lostAcknowledged', 'submit', i, detail);
      }
      release(s);
      if (submitted) {
        // the claim has its package: written out again from the database, every file checked against its SHA-256
        const v = await ltc(root, ['package', '--db', f, '--month', '2026-10', '--out', join(out, 'verify')], env);
        if (v.code !== 0) note('halfStates', 'submit', i, { ...detail, package: v.err.slice(0, 300) });
      }
      const pkg = join(out, 'pkg');
      const touched = submitted || held || (existsSync(out) && readdirSync(out).some((n) => n.startsWith('pkg')));
      if (existsSync(pkg)) {
        // a folder under its final name is the submitted package, whole
        const verify = join(out, 'verify');
        const same =
          submitted &&
          existsSync(verify) &&
          readdirSync(verify).every((n) => existsSync(join(pkg, n)) && readFileSync(join(pkg, n)).equals(readFileSync(join(verify, n))));
        if (!same) note('halfStates', 'submit', i, { ...detail, folder: 'pkg exists and is not the submitted package', files: readdirSync(pkg) });
      }
      if (!submitted && s.state === 'ok') {
        // nothing holds the month after the kill: 申报 again completes
        const again = await ltc(root, ['submit', '--db', f, '--month', '2026-10', '--accept-errors'], env);
        learn('submit', again);
        if (again.code !== 0) note('halfStates', 'submit', i, { ...detail, rerun: again.code, rerunErr: again.err.slice(0, 300) });
      }
      gone(...walFiles(f), out);
      return { at, killed: r.signal === 'SIGKILL', acked, touched };
    },

    async backup(i) {
      const target = join(dir, `kill-backup-${i}.db`);
      // backup.ts writes `.NAME.PID.partial` first
      const written = () => existsSync(target) || readdirSync(dir).some((n) => n.startsWith(`.kill-backup-${i}.db.`));
      const at = moment('backup', written);
      const r = await ltc(root, ['backup', '--db', bigDb, target], env, at);
      if (!r.signal) learn('backup', r);
      const acked = /已备份并校验/.test(r.err + r.out);
      const detail = { at, killed: r.signal === 'SIGKILL', acked };
      const touched = readdirSync(dir).some((n) => n.includes(`kill-backup-${i}.db`));
      if (existsSync(target)) {
        const s = inspect(target);
        if (s.state !== 'ok' || s.residents !== scaledCounts.residents) note('halfStates', 'backup', i, { ...detail, backup: s.state, residents: s.residents });
        release(s);
      } else if (acked) note('lostAcknowledged', 'backup', i, detail);
      const src = inspect(bigDb);
      if (src.state !== 'ok' || src.residents !== scaledCounts.residents) note('corrupt', 'backup', i, { ...detail, source: src.integrity ?? src.state });
      release(src);
      if (!(await opens(bigDb))) note('corrupt', 'backup', i, { ...detail, source: 'ltc check --db fails' });
      gone(
        ...walFiles(target),
        ...readdirSync(dir)
          .filter((n) => n.includes(`kill-backup-${i}.db`))
          .map((n) => join(dir, n)),
      );
      return { at, killed: r.signal === 'SIGKILL', acked, touched };
    },

    async host(i) {
      const f = join(dir, `kill-host-${i}.db`);
      copyFileSync(baseDb, f);
      const host = await startHost(root, f, env);
      const at = Math.round(rnd.next() * durations.host);
      const acked = [];
      let stop = false;
      const writer = (async () => {
        for (let n = 0; !stop; n++) {
          const id = idNumber('330205', `1950-01-${String(1 + (n % 28)).padStart(2, '0')}`, Math.floor(n / 28));
          const saved = await rpc(host, 'residents.save', { name: `压测${n}`, idNumber: id });
          if (saved.error || !saved.body?.ok) break;
          acked.push({ kind: 'resident', idNumber: id });
          const event = await rpc(host, 'residents.addEvent', { residentId: saved.body.value.id, type: 'admit', date: '2026-11-01', mode: 'home' });
          if (event.error || !event.body?.ok) break;
          acked.push({ kind: 'event', idNumber: id });
          if (n % 3 === 0 && n < 3 * 28 * 12) {
            // a visit through the import (the import worker's transaction), an hour of its own in 2026-11
            const k = n / 3;
            const start = `2026-11-${String(1 + (k % 28)).padStart(2, '0')} ${String(7 + Math.floor(k / 28)).padStart(2, '0')}:00`;
            const end = start.replace(/ (\d\d):00$/, (_m, h) => ` ${String(Number(h)).padStart(2, '0')}:50`);
            const csv = toCsv([HEADER, ['33020519410923006X', '陈淑芬', '330203199506120024', '施银萍', start, end, 'LC01、LC08', '是', '']]);
            const imported = await rpc(host, 'visits.importCommit', { file: { name: 'visit.csv', base64: Buffer.from(csv).toString('base64') } });
            if (imported.error || !imported.body?.ok) break;
            acked.push({ kind: 'visit', start: start.replace(' ', 'T') });
          }
        }
      })();
      await new Promise((t) => setTimeout(t, at));
      host.child.kill('SIGKILL');
      stop = true;
      await writer;
      await stopHost(host);
      const s = inspect(f);
      const detail = { at, acked: acked.length };
      if (s.state !== 'ok') note('corrupt', 'host', i, { ...detail, integrity: s.integrity ?? s.state });
      else {
        const resident = s.db.prepare('SELECT id FROM residents WHERE id_number = ?').pluck();
        const events = s.db.prepare("SELECT count(*) FROM stay_events WHERE resident_id = ? AND type = 'admit'").pluck();
        const visit = s.db.prepare('SELECT count(*) FROM visits WHERE start_at = ?').pluck();
        const missing = acked.filter((w) => {
          if (w.kind === 'visit') return visit.get(w.start) === 0;
          const id = resident.get(w.idNumber);
          return id === undefined || (w.kind === 'event' && events.get(id) === 0);
        });
        if (missing.length > 0) note('lostAcknowledged', 'host', i, { ...detail, missing: missing.slice(0, 5) });
      }
      release(s);
      if (!(await opens(f))) note('corrupt', 'host', i, { ...detail, open: 'ltc check --db fails' });
      gone(...walFiles(f));
      return {
        at,
        killed: true,
        acked: acked.length > 0,
        touched: acked.length > 0,
        writes: acked.length,
        visits: acked.filter((w) => w.kind === 'visit').length,
      };
    },
  };

  return {
    found,
    /** import kills that left a new file between two of its migrations (not a failure: the rerun upgrades it) */
    migrationsCut,
    kinds: Object.keys(kinds),
    /** One uninterrupted run of each kind: how long it takes (the kill moments are drawn within it), and that it works. */
    async calibrate() {
      const f = join(dir, 'calibrate.db');
      let r = await ltc(root, ['import', '--db', f, scaledFile], env, { when: () => existsSync(f) });
      if (r.code !== 0) throw new Error(`faults: the scaled import fails: ${r.err}`);
      [durations.import, durations.importWriting] = [r.ms, r.ms - r.wroteAt];
      gone(...walFiles(f));
      copyFileSync(baseDb, f);
      r = await ltc(root, ['submit', '--db', f, '--month', '2026-10', '--accept-errors', '--out', join(dir, 'calibrate-pkg')], env);
      if (r.code !== 0) throw new Error(`faults: submit fails: ${r.err}`);
      durations.submit = r.ms;
      gone(...walFiles(f), join(dir, 'calibrate-pkg'));
      r = await ltc(root, ['backup', '--db', bigDb, f], env, { when: () => existsSync(f) || readdirSync(dir).some((n) => n.startsWith('.calibrate.db.')) });
      if (r.code !== 0) throw new Error(`faults: backup fails: ${r.err}`);
      [durations.backup, durations.backupWriting] = [r.ms, r.ms - (r.wroteAt ?? 0)];
      gone(...walFiles(f));
      durations.host = 2500;
      const whole = inspect(bigDb);
      latestVersion = whole.db.pragma('user_version', { simple: true });
      release(whole);
      return { ...durations };
    },
    async kill(i) {
      const kind = this.kinds[i % this.kinds.length];
      const k = await kinds[kind](i);
      return { kind, ...k, at: typeof k.at === 'object' ? `${k.at.when ? 'write+' : ''}${k.at.afterMs}ms` : `${k.at}ms` };
    },
  };
}
