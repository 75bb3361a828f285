/**
 * The bad-input generators fed to the real import paths, each input judged:
 *   refused   exit ≠ 0 (the CLI) or `ok: false` (the contract) with a clear Chinese message, database unchanged;
 *   unclear   refused, but the message has no Chinese, or is a stack trace, or V8's / Node's English text;
 *   crashes   an uncaught exception, an exit by signal or ltc's internal-error exit (2), the contract's
 *             INTERNAL error or a host that died or hung, a database changed by an input that was refused
 *             or should have been, an in-process answer that differs from the real `node bin/ltc.cjs`;
 *   accepted  a bad input taken as good without changing the database (also a failure: it should be refused).
 * Datasets go to `ltc import --db FILE DATASET`; visit CSV and .xlsx to `visits.importCommit`, roster workbooks
 * to `roster.commit`, rota workbooks to `rota.importCommit` and the agency's results (.xlsx and JSON) to
 * `claims.importResult` of the sample's submitted 2026-10, through the host.
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { badDataset } from './datasets.mjs';
import { rpc, startHost, stopHost } from './host.mjs';
import { ltc } from './kills.mjs';
import { badResult, resultJson, sheetRows } from './resultTables.mjs';
import { badRoster, badRota, goodRoster, goodRota, RESIDENT_HEADER, ROTA_HEADER, ROTA_MONTH, rosterXlsx, rotaXlsx, STAFF_HEADER } from './rosterTables.mjs';
import { badCsv, badXlsx, goodRows, HEADER, toCsv, toXlsx } from './tables.mjs';

const CJK = /[\u3400-\u9fff]/;
const STACK = /\n\s+at\s|\bat .*\(.*:\d+:\d+\)/;
const V8_ENGLISH =
  /SyntaxError|TypeError|RangeError|ReferenceError|Unexpected token|Unexpected end of JSON|is not valid JSON|in JSON at position|Maximum call stack|Cannot read propert|undefined is not|is not a function|ENOENT|EISDIR|EACCES|SQLITE_|Invalid array length|out of memory|Invalid string length|Unterminated string|Bad control character|Expected .* after/;

/** Why a refusal's message is unclear, or null when it is clear. */
export function unclearBecause(message) {
  if (!CJK.test(message)) return 'no Chinese';
  if (STACK.test(message)) return 'stack trace';
  const m = V8_ENGLISH.exec(message);
  return m ? `English runtime text: ${m[0]}` : null;
}

/** Every row of every table, hashed: the database's content, whatever its file's bytes. */
function digest(db) {
  const h = createHash('sha256');
  for (const t of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all()) {
    h.update(`\n#${t}\n`);
    for (const row of db.prepare(`SELECT * FROM "${t}"`).raw().iterate())
      h.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
  }
  return h.digest('hex');
}

/** The built CLI in one long-lived process (cliRunner.cjs), restarted when it dies. */
function cliRunner(root) {
  let child = null;
  let pending = null;
  let seq = 0;
  const start = () =>
    new Promise((ready) => {
      child = fork(join(root, 'tests/faults/cliRunner.cjs'), [root], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: [] });
      let stderr = '';
      child.stderr.on('data', (c) => (stderr += c));
      child.on('message', (m) => {
        if (m.ready) return ready();
        if (pending && m.id === pending.id) pending.done(m);
      });
      child.on('exit', (code, signal) => {
        child = null;
        if (pending) pending.done({ id: pending.id, died: { code, signal, stderr: stderr.slice(-500) } });
      });
    });
  return {
    async run(argv, env, timeoutMs = 60_000) {
      if (!child) await start();
      const id = ++seq;
      const c = child;
      return new Promise((done) => {
        const timer = setTimeout(() => {
          c.kill('SIGKILL');
        }, timeoutMs);
        pending = {
          id,
          done: (m) => {
            clearTimeout(timer);
            pending = null;
            done(m);
          },
        };
        c.send({ id, argv, env });
      });
    },
    stop: () => child?.kill(),
  };
}

export async function badInputPhase({ root, dir, rnd, env, baseDb, inputs, spawnEvery, deadline, log }) {
  const counts = { badInputs: 0, crashes: 0, unclear: 0, accepted: 0, spawnChecked: 0 };
  const byKind = {};
  const findings = [];
  const failing = join(dir, 'failing');
  mkdirSync(failing, { recursive: true });
  let bytesNow = null;
  let extNow = '';
  const tally = (source, kind, verdict, detail) => {
    const k = `${source}:${kind}`;
    byKind[k] ??= { inputs: 0, refused: 0, unclear: 0, crashes: 0, accepted: 0 };
    byKind[k].inputs++;
    byKind[k][verdict]++;
    counts.badInputs++;
    if (verdict !== 'refused') {
      counts[verdict]++;
      // the input itself, for the report (kept with --keep)
      const saved = join(failing, `${source}-${kind}-${detail.input}.${extNow}`);
      if (bytesNow) writeFileSync(saved, bytesNow);
      findings.push({ source, kind, verdict, saved, ...detail });
      if (findings.length <= 30) log(`  ${verdict}: ${source} ${kind}: ${JSON.stringify(detail).slice(0, 600)}`);
    }
  };

  // shares of the inputs (the slice's 200: 70 datasets, 40 visit CSV, 30 visit .xlsx, 24 rosters, 16 rotas, 20 results)
  const nDataset = Math.round(inputs * 0.35);
  const nCsv = Math.round(inputs * 0.2);
  const nXlsx = Math.round(inputs * 0.15);
  const nRoster = Math.round(inputs * 0.12);
  const nRota = Math.round(inputs * 0.08);
  const nResult = inputs - nDataset - nCsv - nXlsx - nRoster - nRota;

  const hostDb = join(dir, 'bad-tables.db');
  copyFileSync(baseDb, hostDb);
  // the sample's 2026-10 submitted, for the agency's result to answer (before the host opens the file),
  // beside the datasets (they take one process), so its seconds overlap theirs
  const submitting = nResult > 0 ? ltc(root, ['submit', '--db', hostDb, '--month', '2026-10', '--accept-errors', '--out', join(dir, 'result-pkg')], env) : null;

  // ---- datasets → ltc import
  const dsDb = join(dir, 'bad-datasets.db');
  copyFileSync(baseDb, dsDb);
  const watch = new Database(dsDb, { readonly: true, fileMustExist: true });
  let before = digest(watch);
  const runner = cliRunner(root);
  const file = join(dir, 'bad-dataset.json');
  for (let i = 0; i < nDataset && Date.now() < deadline; i++) {
    if (i > 0 && i % 1000 === 0) log(`  … ${i} datasets`);
    const { kind, bytes } = badDataset(rnd);
    [bytesNow, extNow] = [bytes, 'json'];
    writeFileSync(file, bytes);
    const argv = ['import', '--db', dsDb, file];
    const r = await runner.run(argv, env);
    const after = digest(watch);
    const changed = after !== before;
    before = after;
    const detail = { input: i, size: bytes.length, head: bytes.subarray(0, 120).toString('utf8') };
    if (r.uncaught || r.died) tally('dataset', kind, 'crashes', { ...detail, uncaught: r.uncaught, died: r.died });
    else if (r.code === 2 || /内部错误/.test(r.err)) tally('dataset', kind, 'crashes', { ...detail, code: r.code, err: r.err.slice(0, 400) });
    else if (r.code === 0) tally('dataset', kind, changed ? 'crashes' : 'accepted', { ...detail, changed, out: r.err.slice(0, 300) });
    else if (changed) tally('dataset', kind, 'crashes', { ...detail, changed, err: r.err.slice(0, 300) });
    else {
      const why = unclearBecause(r.err);
      tally('dataset', kind, why ? 'unclear' : 'refused', why ? { ...detail, why, err: r.err.slice(0, 400) } : {});
    }
    if (spawnEvery > 0 && i % spawnEvery === 0) {
      // the same input through a real `node bin/ltc.cjs`: the same exit code and the same words
      const real = await ltc(root, argv, env);
      counts.spawnChecked++;
      const same = real.signal === null && real.code === (r.code ?? -1) && real.err.trim() === (r.err ?? '').trim();
      if (!same) {
        tally('dataset-spawned', kind, 'crashes', {
          ...detail,
          inProcess: { code: r.code, err: r.err?.slice(0, 200) },
          real: { code: real.code, signal: real.signal, err: real.err.slice(0, 200) },
        });
      }
      before = digest(watch);
    }
  }
  runner.stop();
  watch.close();

  // ---- visit CSV and .xlsx → visits.importCommit, rosters → roster.commit, rotas → rota.importCommit, results
  // → claims.importResult, through the host
  const submitted = await submitting;
  if (submitted && submitted.code !== 0) throw new Error(`faults: submit fails: ${submitted.err}`);
  let host = await startHost(root, hostDb, env);
  // a good file refused (or a generator that throws) ends the run: the host must not outlive it
  const killHost = () => host.child.kill('SIGKILL');
  process.once('exit', killHost);
  const good = async (name, bytes) => {
    const r = await rpc(host, 'visits.importPreview', { file: { name, base64: bytes.toString('base64') } });
    const c = r.body?.value?.counts;
    if (!r.body?.ok || c.error !== 0 || c.total !== goodRows().length)
      throw new Error(`faults: the good ${name} does not import whole: ${JSON.stringify(r.body).slice(0, 500)}`);
  };
  await good('visits.csv', Buffer.from(toCsv([HEADER, ...goodRows()])));
  await good('visits.xlsx', await toXlsx([HEADER, ...goodRows()]));
  // the good roster and rota preview clean (no error, no warning) and whole; they are committed at the end
  const { residents, staff } = goodRoster();
  const rosterBytes = await rosterXlsx({ residents: [RESIDENT_HEADER, ...residents], staff: [STAFF_HEADER, ...staff] });
  const rosterPreview = await rpc(host, 'roster.preview', { file: { name: '花名册.xlsx', base64: rosterBytes.toString('base64') } });
  const rp = rosterPreview.body?.value;
  if (!rosterPreview.body?.ok || rp.errorRows !== 0 || rp.warningRows !== 0 || rp.rows.length !== residents.length + staff.length)
    throw new Error(`faults: the good roster does not import whole: ${JSON.stringify(rosterPreview.body).slice(0, 800)}`);
  const rotaBytes = await rotaXlsx([ROTA_HEADER, ...goodRota()]);
  const rotaPreview = await rpc(host, 'rota.importPreview', { month: ROTA_MONTH, file: { name: '排班.xlsx', base64: rotaBytes.toString('base64') } });
  const tp = rotaPreview.body?.value;
  if (!rotaPreview.body?.ok || tp.errorRows !== 0 || tp.rows.length !== goodRota().length || tp.cellCount !== goodRota().length * (ROTA_HEADER.length - 3))
    throw new Error(`faults: the good rota does not import whole: ${JSON.stringify(rotaPreview.body).slice(0, 800)}`);
  // the good result: the template the host hands out, every line 通过, which previews clean
  let result = null;
  if (nResult > 0) {
    const claimId = (await rpc(host, 'claims.list', undefined)).body?.value?.find((c) => c.month === '2026-10' && c.status === 'submitted')?.id;
    const template = await rpc(host, 'claims.resultTemplate', { claimId });
    if (!template.body?.ok) throw new Error(`faults: no result template: ${JSON.stringify(template.body).slice(0, 500)}`);
    const base = await sheetRows(Buffer.from(template.body.value.base64, 'base64'));
    const file = { name: template.body.value.name, base64: template.body.value.base64 };
    const preview = await rpc(host, 'claims.previewResult', { claimId, file });
    const lines = preview.body?.value?.lines;
    if (!preview.body?.ok || lines.length === 0 || lines.some((l) => l.result !== 'accepted'))
      throw new Error(`faults: the good result does not preview clean: ${JSON.stringify(preview.body).slice(0, 800)}`);
    result = { claimId, base: { ...base, lines }, template: file };
  }
  const hostWatch = new Database(hostDb, { readonly: true, fileMustExist: true });
  before = digest(hostWatch);
  const feed = async (source, name, kind, bytes, i, method = 'visits.importCommit', more = {}) => {
    [bytesNow, extNow] = [bytes, name.split('.').pop()];
    const stderrBefore = host.stderr.length;
    const r = await rpc(host, method, { ...more, file: { name, base64: bytes.toString('base64') } }, 120_000);
    const after = digest(hostWatch);
    const changed = after !== before;
    before = after;
    const detail = { input: i, size: bytes.length };
    const internal = /内部错误/.test(host.stderr.slice(stderrBefore));
    if (r.error || host.exited || internal || r.status >= 500 || r.body?.error?.code === 'INTERNAL') {
      tally(source, kind, 'crashes', {
        ...detail,
        error: r.error,
        status: r.status,
        body: JSON.stringify(r.body ?? r.text ?? '').slice(0, 300),
        exited: host.exited,
        log: host.stderr.slice(stderrBefore, stderrBefore + 400),
      });
      if (host.exited || r.error) {
        await stopHost(host);
        host = await startHost(root, hostDb, env);
      }
    } else if (r.body?.ok) tally(source, kind, changed ? 'crashes' : 'accepted', { ...detail, changed, value: JSON.stringify(r.body.value).slice(0, 200) });
    else if (changed) tally(source, kind, 'crashes', { ...detail, changed, message: r.body?.error?.message });
    else {
      const message = String(r.body?.error?.message ?? '');
      const why = unclearBecause(message);
      tally(source, kind, why ? 'unclear' : 'refused', why ? { ...detail, why, message: message.slice(0, 400) } : {});
    }
  };
  for (let i = 0; i < nCsv && Date.now() < deadline; i++) {
    if (i > 0 && i % 1000 === 0) log(`  … ${i} CSV files`);
    const { kind, bytes } = badCsv(rnd, i % 100 === 7);
    await feed('csv', 'visits.csv', kind, bytes, i);
  }
  for (let i = 0; i < nXlsx && Date.now() < deadline; i++) {
    const { kind, bytes } = await badXlsx(rnd, i % 100 === 7);
    await feed('xlsx', 'visits.xlsx', kind, bytes, i);
  }
  for (let i = 0; i < nRoster && Date.now() < deadline; i++) {
    const { kind, bytes } = await badRoster(rnd, i % 100 === 7);
    await feed('roster', '花名册.xlsx', kind, bytes, i, 'roster.commit');
  }
  for (let i = 0; i < nRota && Date.now() < deadline; i++) {
    const { kind, bytes } = await badRota(rnd, i % 100 === 7);
    await feed('rota', '排班.xlsx', kind, bytes, i, 'rota.importCommit', { month: ROTA_MONTH });
  }
  for (let i = 0; i < nResult && Date.now() < deadline; i++) {
    const { kind, name, bytes } = await badResult(rnd, result.base, i % 100 === 7);
    await feed('result', name, kind, bytes, i, 'claims.importResult', { claimId: result.claimId });
  }
  // the good ones, after all the bad: each is taken, so what was refused was refused for its fault
  const goodJson = Buffer.from(JSON.stringify(resultJson(result?.base.lines ?? [])));
  for (const [method, input] of [
    ...(result ? [['claims.previewResult', { claimId: result.claimId, file: { name: '审核结果.json', base64: goodJson.toString('base64') } }]] : []),
    ...(result ? [['claims.importResult', { claimId: result.claimId, file: result.template }]] : []),
    ['roster.commit', { file: { name: '花名册.xlsx', base64: rosterBytes.toString('base64') } }],
    ['rota.importCommit', { month: ROTA_MONTH, file: { name: '排班.xlsx', base64: rotaBytes.toString('base64') } }],
  ]) {
    const r = await rpc(host, method, input, 120_000);
    if (!r.body?.ok) throw new Error(`faults: the good ${method} was refused: ${JSON.stringify(r.body ?? r.error).slice(0, 800)}`);
  }
  hostWatch.close();
  process.off('exit', killHost);
  await stopHost(host);
  return { counts, byKind, findings };
}
