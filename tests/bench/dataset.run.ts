/**
 * Phase `dataset` of `npm run bench`: generates the big institution and writes it as the file `ltc export`
 * writes (an `ltc-dataset` file, two-space indents), for the import phase to read in a process of its own:
 * the import's peak memory is then the import's, not the generator's (issue 17).
 * The visits are written one by one: the whole file as one string would be ~0.4 GB of text at once.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { it } from 'vitest';
import { generateDemoDataset } from '../../electron/services/demo/generateDemo';
import { benchDatasetFile, benchEnv, INSTITUTION, round, writeResult } from './common';

it('writes the benchmark institution as a dataset file', () => {
  const { out } = benchEnv();
  const file = benchDatasetFile();
  let t = performance.now();
  const dataset = generateDemoDataset(INSTITUTION);
  const generateSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const { visits, ...head } = dataset;
  // JSON.stringify's own layout, with the visits spliced in where the empty array stands
  const [before, after] = JSON.stringify({ ...head, visits: [] }, null, 2).split('"visits": []') as [string, string];
  const fd = openSync(file, 'w');
  let bytes = 0;
  const write = (s: string): void => {
    bytes += writeSync(fd, s);
  };
  try {
    write(`${before}"visits": [`);
    visits.forEach((v, i) => write(`${i === 0 ? '' : ','}\n    ${JSON.stringify(v, null, 2).replace(/\n/g, '\n    ')}`));
    write(`\n  ]${after}\n`);
  } finally {
    closeSync(fd);
  }
  const result = { generateSeconds: round(generateSeconds), datasetMb: Math.round(bytes / 2 ** 20), writeSeconds: round((performance.now() - t) / 1000) };
  console.log(result);
  writeResult(out, result);
});
