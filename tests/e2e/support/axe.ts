/**
 * The accessibility check of a screen: axe-core (all its rules but the experimental ones) on what the
 * page shows now, failing on any serious or critical violation. Every finding, the moderate and minor
 * ones too, is kept as a report in test-results/axe/<name>.json (artefacts, like the screenshots), so
 * nothing found is dropped unseen.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { source as axeSource } from 'axe-core';
import { expect, type Page } from '@playwright/test';
import { ROOT } from './host';

type Results = Awaited<ReturnType<AxeBuilder['analyze']>>;

const BLOCKING = new Set(['serious', 'critical']);

/**
 * Waits until no finite animation runs (a drawer sliding in, a dialog zooming, a tab's ink bar): axe
 * measures colours as drawn, and a half-faded dialog's text is a contrast failure that is not there.
 * Endless ones (spinners, a skeleton's shimmer) are left running.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity));
}

function describe(results: Results): string[] {
  return results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}): ${n.target.join(' ')}\n    ${n.failureSummary?.replaceAll('\n', '\n    ') ?? ''}`));
}

/** Checks the page as shown now; `name` names its report (test-results/axe/<name>.json). */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  // The screen at rest: no control under the pointer in its hover colours (the button just clicked).
  await page.mouse.move(0, 0);
  await settled(page);
  // only violations are read: axe then keeps one node per passed or inapplicable rule instead of all of them,
  // a tenth of the walk's time on the long tables (axe-core's documented resultTypes option).
  // Legacy mode: one axe.run in the page (same-origin frames included) instead of axe.runPartial per frame and
  // axe.finishRun in a blank page the builder opens for every scan, a window of its own, with axe injected
  // three times. The app has no cross-origin frame, so the rules and the nodes are the same: the 64 reports of
  // a run were identical in both modes (2026-12-07), at 40 % less CPU for accessibility.spec (D42).
  // axe-core's source (1.5 MB) evaluated once per document: the builder evaluates the source it is given twice
  // per scan (to check for it, then once per frame to run it), ~140 ms of the ~220 ms a scan of 首页 took, where
  // axe.run itself took 60–80 ms. axe.run may be called again on the same page (it clears its caches after each
  // run), so the builder gets an empty source; a navigation that loads a new document loses window.axe and gets
  // it again. The 64 reports came out the same; accessibility.spec 76 → 66–68 CPU-s (2026-12-07).
  const present = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (!present) await page.evaluate(axeSource);
  const results = await new AxeBuilder({ page, axeSource: ';' })
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .analyze();
  const dir = join(ROOT, 'test-results', 'axe');
  mkdirSync(dir, { recursive: true });
  const found = results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify({ url: results.url, violations: found }, null, 2)}\n`);
  expect(describe(results), `serious or critical accessibility violations on ${name}`).toEqual([]);
}
