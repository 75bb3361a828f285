#!/usr/bin/env node
// `npm run faults` (issue 16 §5): the fault suites, against the built app (`npm run build` first):
//   kills       a writing process SIGKILLed at a seeded random moment, in turn: `ltc import` of a large
//               dataset into a new file, `ltc submit --out` of the sample's 2026-10, `ltc backup` of a
//               large database, the HTTP host (out/main/host.js) taking residents and stay events; then
//               the files are judged: corrupt, lostAcknowledged, halfStates (tests/faults/kills.mjs);
//   bad inputs  malformed datasets to `ltc import` (0.35), visit CSV (0.2) and .xlsx (0.15) to the host's
//               `visits.importCommit`, roster workbooks (0.12) to `roster.commit`, rota workbooks (0.08) to
//               `rota.importCommit`, the agency's results (.xlsx and JSON, a tenth) to `claims.importResult`,
//               each with row bombs; each must be refused with a clear Chinese message and the database
//               unchanged: unclear, crashes, accepted (tests/faults/badInputs.mjs).
// Counts per kind go to stderr; stdout's LAST line is one JSON object:
//   { kills, corrupt, lostAcknowledged, halfStates, badInputs, crashes, unclear, accepted, ... }.
// Exit 0 when every failure count is 0.
//
//   --seed N         the PRNG's seed (default 1): the same seed, the same inputs and kill moments
//   --kills N        kills (default 100)
//   --inputs N       bad inputs (default 10000)
//   --minutes N      time bound (default 30): each phase stops drawing when it is reached; the JSON says so
//   --spawn-every N  every Nth dataset input also through a real `node bin/ltc.cjs` (default 50; 0: none)
//   --keep           keep the working folder (its path is printed)
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { badInputPhase } from '../tests/faults/badInputs.mjs';
import { SAMPLE_FILE, scaledDataset } from '../tests/faults/datasets.mjs';
import { inspect, killHarness, ltc } from '../tests/faults/kills.mjs';
import { prng } from '../tests/faults/prng.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const n = Number(args[i + 1]);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`${name}: not a whole number: ${args[i + 1]}`);
    process.exit(2);
  }
  return n;
};
const seed = option('--seed', 1);
const killCount = option('--kills', 100);
const inputCount = option('--inputs', 10_000);
const minutes = option('--minutes', 30);
const spawnEvery = option('--spawn-every', 50);
const keep = args.includes('--keep');
for (const f of ['out/main/cli.js', 'out/main/host.js']) {
  if (!existsSync(join(root, f))) {
    console.error(`faults: ${f} is missing: run \`npm run build\` first`);
    process.exit(2);
  }
}

const log = (s) => process.stderr.write(`${s}\n`);
const t0 = Date.now();
const deadline = t0 + minutes * 60_000;
const dir = mkdtempSync(join(tmpdir(), 'ltc-faults-'));
// the services' today, pinned: the sample's 2026-10 has ended, nothing in it is in the future
const env = { LTC_TODAY: '2026-12-06' };

// the sample institution, imported: what submit, the host and the bad inputs start from
const baseDb = join(dir, 'base.db');
const base = await ltc(root, ['import', '--db', baseDb, SAMPLE_FILE], env);
if (base.code !== 0) throw new Error(`faults: the sample does not import: ${base.err}`);
// the sample's people 1,500 times (6,000 residents, 9,000 visits): an import and a backup long enough to be killed inside
const scaled = scaledDataset(1500);
const scaledFile = join(dir, 'scaled.json');
writeFileSync(scaledFile, JSON.stringify(scaled));
const scaledCounts = { residents: scaled.residents.length, visits: scaled.visits.length };
const bigDb = join(dir, 'big.db');
const big = await ltc(root, ['import', '--db', bigDb, scaledFile], env);
if (big.code !== 0) throw new Error(`faults: the scaled dataset does not import: ${big.err}`);
const bigState = inspect(bigDb);
bigState.db?.close();
if (bigState.residents !== scaledCounts.residents) throw new Error('faults: the scaled import is not whole');

// ---- phase 1: kills
const rndKills = prng(seed);
const harness = killHarness({ root, dir, rnd: rndKills, env, scaledFile, scaledCounts, baseDb, bigDb, log });
log(`faults: seed ${seed}, ${killCount} kills, ${inputCount} bad inputs, at most ${minutes} min; working in ${dir}`);
const durations = killCount > 0 ? await harness.calibrate() : {};
log(`faults: uninterrupted runs (ms): ${JSON.stringify(Object.fromEntries(Object.entries(durations).map(([k, v]) => [k, Math.round(v)])))}`);
const killsByKind = {};
let kills = 0;
// half the time budget for the kills at most, the rest for the bad inputs
const killDeadline = t0 + (minutes * 60_000) / 2;
for (let i = 0; i < killCount && Date.now() < killDeadline; i++) {
  const k = await harness.kill(i);
  kills++;
  killsByKind[k.kind] ??= { kills: 0, killedMidway: 0, afterWriting: 0, acknowledged: 0 };
  if (k.touched) killsByKind[k.kind].afterWriting++;
  killsByKind[k.kind].kills++;
  if (k.killed) killsByKind[k.kind].killedMidway++;
  if (k.acked) killsByKind[k.kind].acknowledged++;
  if (k.writes !== undefined) {
    // the host: how many of its writes were acknowledged before the kills (each checked after), visits among them
    killsByKind[k.kind].writesAcknowledged = (killsByKind[k.kind].writesAcknowledged ?? 0) + k.writes;
    killsByKind[k.kind].visitsAcknowledged = (killsByKind[k.kind].visitsAcknowledged ?? 0) + k.visits;
  }
}
const killSeconds = Math.round((Date.now() - t0) / 1000);
log(`faults: kills ${kills} in ${killSeconds} s`);
for (const [kind, c] of Object.entries(killsByKind)) {
  const writes =
    c.writesAcknowledged === undefined ? '' : ` (${c.writesAcknowledged} writes acknowledged before them, ${c.visitsAcknowledged} of them imported visits)`;
  log(
    `  ${kind.padEnd(8)} ${c.kills} kills, ${c.killedMidway} before it finished, ${c.afterWriting} once it had written, ${c.acknowledged} after its acknowledgement${writes}`,
  );
}
const { corrupt, lostAcknowledged, halfStates } = harness.found;
if (harness.migrationsCut.length > 0) {
  log(
    `  ${harness.migrationsCut.length} import kills left a new file between two migrations (versions ${harness.migrationsCut.map((m) => m.version).join(', ')}); each rerun upgraded it`,
  );
}
log(`  corrupt ${corrupt.length}, lostAcknowledged ${lostAcknowledged.length}, halfStates ${halfStates.length}`);

// ---- phase 2: bad inputs
const rndInputs = prng(seed + 0x9e3779b9);
const bad = await badInputPhase({ root, dir, rnd: rndInputs, env, baseDb, inputs: inputCount, spawnEvery, deadline, log });
log(
  `faults: bad inputs ${bad.counts.badInputs} in ${Math.round((Date.now() - t0) / 1000) - killSeconds} s (${bad.counts.spawnChecked} also through a real ltc process)`,
);
for (const [kind, c] of Object.entries(bad.byKind).sort()) {
  const failed = c.unclear + c.crashes + c.accepted;
  log(
    `  ${kind.padEnd(30)} ${String(c.inputs).padStart(5)} inputs, ${c.refused} refused${failed ? `, ${c.unclear} unclear, ${c.crashes} crashes, ${c.accepted} accepted` : ''}`,
  );
}
log(`  crashes ${bad.counts.crashes}, unclear ${bad.counts.unclear}, accepted ${bad.counts.accepted}`);

const timedOut = kills < killCount || bad.counts.badInputs < inputCount;
const result = {
  seed,
  kills,
  corrupt: corrupt.length,
  lostAcknowledged: lostAcknowledged.length,
  halfStates: halfStates.length,
  badInputs: bad.counts.badInputs,
  crashes: bad.counts.crashes,
  unclear: bad.counts.unclear,
  accepted: bad.counts.accepted,
  spawnChecked: bad.counts.spawnChecked,
  killsByKind,
  seconds: Math.round((Date.now() - t0) / 1000),
  timedOut,
};
if (keep) {
  writeFileSync(join(dir, 'findings.json'), JSON.stringify({ corrupt, lostAcknowledged, halfStates, badInputs: bad.findings }, null, 1));
  log(`faults: kept ${dir} (findings.json)`);
} else rmSync(dir, { recursive: true, force: true });
const failures = result.corrupt + result.lostAcknowledged + result.halfStates + result.crashes + result.unclear + result.accepted;
console.log(`faults: ${kills} kills, ${result.badInputs} bad inputs, ${failures} failures${timedOut ? ' (time bound reached: fewer than asked)' : ''}`);
console.log(JSON.stringify(result));
process.exitCode = failures === 0 ? 0 : 1;
