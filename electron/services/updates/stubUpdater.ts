/**
 * For the e2e tests only (`host.js --update-stub FILE`): an updater whose state is read from a JSON file
 * at every call, so the browser preview can show the update card as the desktop app would. The rest is
 * real: the handlers, the policy, the jobs. Work kinds listed in `running` (e.g. "submit") are held for
 * the host's lifetime, as a submission that never ends would be.
 *
 * FILE: `{ "phase": "downloaded", "offered": { "version": "0.2.0", "releaseNotes": "…", "releaseDate": null },
 *          "running": ["submit"] }` (every field optional).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { holdWork } from '../jobs/jobs';
import type { UpdaterControl, UpdaterSnapshot } from './control';

const stubFile = z.object({
  phase: z.enum(['unavailable', 'off', 'idle', 'checking', 'upToDate', 'available', 'downloading', 'downloaded', 'error']).default('idle'),
  unavailableReason: z.string().nullable().default(null),
  offered: z
    .object({ version: z.string(), releaseNotes: z.string().default(''), releaseDate: z.string().nullable().default(null) })
    .nullable()
    .default(null),
  progress: z.object({ percent: z.number(), transferredBytes: z.number(), totalBytes: z.number() }).nullable().default(null),
  lastCheckedAt: z.string().nullable().default(null),
  error: z.string().nullable().default(null),
  running: z.array(z.string()).default([]),
});

const read = (file: string) => stubFile.parse(JSON.parse(readFileSync(file, 'utf8')));

export function stubUpdater(file: string): UpdaterControl {
  for (const kind of read(file).running) holdWork(kind);
  return {
    snapshot: (): UpdaterSnapshot => {
      const { running: _running, ...snapshot } = read(file);
      return snapshot;
    },
    setFeed: () => undefined,
    check: () => Promise.resolve(),
    download: () => Promise.resolve(),
    install: () => undefined,
  };
}
