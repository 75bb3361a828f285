/**
 * The built `ltc` (out/main/cli.js) run many times in one process, for the bad-input generators: the
 * same `runCli` the command line runs, compiled from the built file with its one top-level call left
 * out, fed one command at a time over IPC (`{ id, argv, env }` → `{ id, code, out, err }`). Starting
 * Node and the bundle for each of 10,000 inputs would take hours on a 2-core machine; scripts/faults.mjs
 * runs a share of the inputs through a real `node bin/ltc.cjs` too and checks the answers are the same.
 * An uncaught exception or rejection is reported as `{ id, uncaught }` and ends this process.
 */
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join, dirname } = require('node:path');

const file = join(process.argv[2], 'out', 'main', 'cli.js');
const source = readFileSync(file, 'utf8');
const CALL = 'runCli(process.argv.slice(2), {';
const at = source.lastIndexOf(CALL);
if (at < 0) throw new Error(`faults: ${file} no longer ends with ${CALL}`);
const m = new Module(file, module);
m.filename = file;
m.paths = Module._nodeModulePaths(dirname(file));
m._compile(`${source.slice(0, at)}module.exports.runCli = runCli;\nif (false) ${source.slice(at)}`, file);
const { runCli } = m.exports;

let current = null;
const fail = (what) => (e) => {
  process.send({ id: current, uncaught: `${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` }, () => process.exit(70));
};
process.on('uncaughtException', fail('uncaughtException'));
process.on('unhandledRejection', fail('unhandledRejection'));

process.on('message', (job) => {
  current = job.id;
  for (const [k, v] of Object.entries(job.env ?? {})) process.env[k] = v;
  const out = [];
  const err = [];
  Promise.resolve()
    .then(() => runCli(job.argv, { out: (s) => out.push(s), err: (s) => err.push(s) }))
    .then(
      (code) => process.send({ id: job.id, code, out: out.join('\n'), err: err.join('\n') }),
      (e) => fail('rejected')(e),
    );
});
process.send({ ready: true });
