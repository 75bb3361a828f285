#!/usr/bin/env node
// `npm test`: every check CI runs, in order, each one's output streamed as it happens:
//   typecheck, lint (ESLint, Prettier) and build side by side → unit tests (Vitest) → e2e (Playwright, once playwright.config.ts exists).
// Every step runs even when an earlier one failed, so one run shows everything that is wrong.
// The last line is always `tests: N passed, N failed, N skipped`: CI reads a plain "N passed, N failed"
// line and none of the runners' own summaries (docs/architecture.md §8, "CI output"). A failed typecheck, lint or
// build counts as one failed test; so does a test file that could not even load.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const VITEST_REPORT = '.vitest-results.json';
const VITEST_SKIPS = '.vitest-skips.json';
const PLAYWRIGHT_CONFIG = 'playwright.config.ts';
const PLAYWRIGHT_REPORT = '.playwright-results.json';
// `npx --no --`: run the project's own runner, never fetch one from the registry on the fly.

/** @type {{ name: string, status: 'ok' | 'failed' | 'skipped', detail: string, seconds: number }[]} */
const steps = [];
const totals = { passed: 0, failed: 0, skipped: 0 };
/** @type {string[]} */
const failures = [];
/** @type {string[]} */
const skips = [];

/** Runs a command with inherited stdio; resolves to its exit code (127 when it could not start). */
function run(command, args, env = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      // npm and npx are .cmd scripts on Windows, which only a shell can start.
      shell: process.platform === 'win32',
      env: { ...process.env, ...env },
    });
    child.on('error', (error) => {
      console.error(`cannot start ${command}: ${error.message}`);
      resolvePromise(127);
    });
    child.on('close', (code, signal) => resolvePromise(code ?? (signal ? 128 : 1)));
  });
}

async function step(name, command, args, evaluate, env) {
  console.log(`\n===> ${name}: ${[command, ...args].join(' ')}\n`);
  const started = Date.now();
  const code = await run(command, args, env);
  const seconds = (Date.now() - started) / 1000;
  const { status, detail } = evaluate ? evaluate(code) : plainStep(name, code);
  steps.push({ name, status, detail, seconds });
}

/** Like step, its output kept and printed in one piece when it ends (for steps run side by side). */
function stepQuiet(name, command, args) {
  const started = Date.now();
  return new Promise((resolveStep) => {
    const child = spawn(command, args, { cwd: root, shell: process.platform === 'win32', env: process.env });
    const out = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => out.push(c));
    let ended = false;
    const done = (code) => {
      if (ended) return; // 'error' can be followed by 'close'
      ended = true;
      console.log(`\n===> ${name}: ${[command, ...args].join(' ')}\n`);
      process.stdout.write(Buffer.concat(out));
      const seconds = (Date.now() - started) / 1000;
      steps.push({ name, ...plainStep(name, code), seconds });
      resolveStep();
    };
    child.on('error', (error) => {
      out.push(Buffer.from(`cannot start ${command}: ${error.message}\n`));
      done(127);
    });
    child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

/** typecheck, lint, build: pass or one failure. */
function plainStep(name, code) {
  if (code === 0) return { status: 'ok', detail: '' };
  totals.failed += 1;
  failures.push(`${name} (exit code ${code})`);
  return { status: 'failed', detail: `exit code ${code}` };
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(join(root, file), 'utf8'));
  } catch {
    return null;
  }
}

const rel = (file) => relative(root, file).split('\\').join('/');

function evaluateVitest(code) {
  const report = readJson(VITEST_REPORT);
  if (!report) {
    totals.failed += 1;
    failures.push(`vitest wrote no ${VITEST_REPORT} (exit code ${code})`);
    return { status: 'failed', detail: `no report, exit code ${code}` };
  }
  const before = totals.failed;
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  for (const file of report.testResults) {
    const failed = file.assertionResults.filter((t) => t.status === 'failed');
    for (const t of failed) failures.push(`${rel(file.name)} > ${t.fullName}`);
    // A file that failed to load (syntax error, missing module) has no failed test: count it once.
    if (file.status === 'failed' && failed.length === 0) {
      totals.failed += 1;
      failures.push(`${rel(file.name)}: ${file.message.split('\n')[0] || 'the file failed outside any test'}`);
    }
  }
  // Unhandled errors, no test files found…: Vitest fails without any failed test to show for it.
  if (code !== 0 && totals.failed === before) {
    totals.failed += 1;
    failures.push(`vitest exited with code ${code} outside any test (see its output above)`);
  }
  const notes = readJson(VITEST_SKIPS);
  if (Array.isArray(notes)) {
    for (const s of notes) {
      const why = s.note ?? (s.mode === 'todo' ? 'todo' : 'no reason given (use ctx.skip(reason))');
      skips.push(`${s.file} > ${s.name}: ${why}`);
    }
  } else {
    for (const file of report.testResults) {
      for (const t of file.assertionResults) {
        if (['skipped', 'pending', 'todo'].includes(t.status)) skips.push(`${rel(file.name)} > ${t.fullName}: ${t.status}`);
      }
    }
  }
  const failedHere = totals.failed - before;
  const summary = `${report.numPassedTests} passed, ${failedHere} failed, ${report.numPendingTests + report.numTodoTests} skipped`;
  return { status: failedHere === 0 ? 'ok' : 'failed', detail: summary };
}

function evaluatePlaywright(code) {
  const report = readJson(PLAYWRIGHT_REPORT);
  if (!report?.stats) {
    totals.failed += 1;
    failures.push(`playwright wrote no ${PLAYWRIGHT_REPORT} (exit code ${code})`);
    return { status: 'failed', detail: `no report, exit code ${code}` };
  }
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
  const before = totals.failed;
  totals.passed += expected + flaky;
  totals.failed += unexpected;
  totals.skipped += skipped;
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const name = `${spec.file} > ${spec.title}${t.projectName ? ` [${t.projectName}]` : ''}`;
        if (t.status === 'unexpected') failures.push(name);
        if (t.status === 'skipped') {
          const why = (t.annotations ?? []).find((a) => a.type === 'skip' || a.type === 'fixme')?.description;
          skips.push(`${name}: ${why ?? 'no reason given (use test.skip(condition, reason))'}`);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  if (code !== 0 && totals.failed === before) {
    totals.failed += 1;
    failures.push(`playwright exited with code ${code} outside any test (see its output above)`);
  }
  const failedHere = totals.failed - before;
  return {
    status: failedHere === 0 ? 'ok' : 'failed',
    detail: `${expected + flaky} passed, ${failedHere} failed, ${skipped} skipped${flaky ? ` (${flaky} flaky)` : ''}`,
  };
}

// The static checks and the build are independent (the build only writes out/, which none reads): side by side
// on two cores they take ~25 s where one after another took ~60. `npm run lint` is ESLint then Prettier; here the
// two are separate steps, since each is single-threaded and took ~14 s alone (docs/decisions.md D43). Each
// step's output is printed whole when it ends, so their lines do not interleave.
await Promise.all([
  stepQuiet('typecheck', 'npm', ['run', 'typecheck']),
  stepQuiet('lint', 'npx', ['--no', '--', 'eslint', '.']),
  stepQuiet('prettier', 'npx', ['--no', '--', 'prettier', '--check', '.']),
  stepQuiet('build', 'npm', ['run', 'build']),
]);

for (const file of [VITEST_REPORT, VITEST_SKIPS]) rmSync(join(root, file), { force: true });
await step(
  'unit',
  'npx',
  ['--no', '--', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${VITEST_REPORT}`, '--reporter=./scripts/vitest-skip-notes.mjs'],
  evaluateVitest,
);

if (existsSync(join(root, PLAYWRIGHT_CONFIG))) {
  rmSync(join(root, PLAYWRIGHT_REPORT), { force: true });
  await step('e2e', 'npx', ['--no', '--', 'playwright', 'test', '--reporter=list,json'], evaluatePlaywright, {
    PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_REPORT,
  });
} else {
  const reason = `no ${PLAYWRIGHT_CONFIG} yet: the Playwright suite arrives with the desktop interface (issue 3)`;
  console.log(`\n===> e2e: skipped (${reason})`);
  steps.push({ name: 'e2e', status: 'skipped', detail: reason, seconds: 0 });
}

console.log('\n===> summary\n');
for (const s of steps) {
  const time = s.status === 'skipped' ? '' : ` ${s.seconds.toFixed(1)} s`;
  console.log(`  ${s.name.padEnd(10)} ${s.status.padEnd(8)}${time}${s.detail ? `  ${s.detail}` : ''}`);
}
if (failures.length > 0) {
  console.log(`\nfailed (${failures.length}):`);
  for (const f of failures) console.log(`  - ${f}`);
}
if (skips.length > 0) {
  console.log(`\nskipped tests (${skips.length}):`);
  for (const s of skips) console.log(`  - ${s}`);
}
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = totals.failed > 0 || steps.some((s) => s.status === 'failed') ? 1 : 0;
