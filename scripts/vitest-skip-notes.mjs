// A Vitest reporter that records why tests were skipped, for the summary of scripts/test.mjs.
// Vitest's JSON report lists skipped tests but drops the note given to `ctx.skip('reason')`, and the
// summary must say why each test did not run. Writes .vitest-skips.json in the project root.
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export default class SkipNotesReporter {
  root = process.cwd();

  onInit(vitest) {
    this.root = vitest.config.root;
  }

  onTestRunEnd(testModules) {
    const skipped = [];
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests()) {
        const result = test.result();
        if (result.state !== 'skipped') continue;
        skipped.push({
          file: relative(this.root, testModule.moduleId).split('\\').join('/'),
          name: test.fullName,
          mode: test.options.mode,
          note: result.note ?? null,
        });
      }
    }
    writeFileSync(join(this.root, '.vitest-skips.json'), JSON.stringify(skipped, null, 2));
  }
}
