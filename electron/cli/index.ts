/** Entry of `ltc` (bin/ltc.cjs loads the built copy of this file). */
import { runCli } from './program';

void runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
}).then((code) => {
  // exitCode, not exit(): lets stdout drain fully when a large claim is piped to another program.
  process.exitCode = code;
});
