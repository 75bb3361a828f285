/**
 * The system's "reduce motion" setting (renderer/src/app/reducedMotion.ts), followed live: with it, a click
 * leaves nothing moving on the screen, the buttons' ripple included (antd's theme `motion` switch leaves the
 * ripple on, a 2-second fade); without it, buttons ripple as antd draws them.
 */
import type { Page } from '@playwright/test';
import { VisitsPage } from './pages/VisitsPage';
import { expect, ltcOn, test } from './support/fixtures';

const TODAY = '2026-12-06';
test.use({ today: TODAY });

/** Notes, from now on, whether a button's ripple (antd's `.ant-wave`) is ever drawn. */
function watchRipples(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { rippled: boolean };
    w.rippled = false;
    new MutationObserver(() => {
      if (document.querySelector('.ant-wave')) w.rippled = true;
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

const rippled = (page: Page): Promise<boolean> => page.evaluate(() => (window as unknown as { rippled: boolean }).rippled);

/** The finite animations running now (a ripple, a fade); endless ones (spinners) are not motion a click made. */
function finiteAnimations(page: Page): Promise<number> {
  return page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity).length);
}

test('with reduced motion a click leaves nothing moving; without it the button ripples', async ({ page, host }) => {
  // residents to record visits for: 新增服务记录 is offered once there are some
  const r = ltcOn(TODAY, 'demo', '--db', host.dbFile);
  expect(r.code, r.stderr).toBe(0);
  const visits = new VisitsPage(page);
  // the header's button (an empty list repeats it below): it opens the new-visit drawer and stays on the screen
  const addButton = page.getByRole('button', { name: '新增服务记录' }).first();

  // the suite runs with reduced motion (playwright.config.ts), as a user who switched 动画效果 off
  await visits.open();
  await watchRipples(page);
  await addButton.click();
  await expect(page.getByRole('dialog')).toBeVisible();
  // a ripple is drawn on the next animation frame and would last 2 s: look within that time
  await page.waitForTimeout(300);
  expect(await rippled(page)).toBe(false);
  expect(await finiteAnimations(page)).toBe(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // switched back while the app is open, as in the system's settings: the buttons ripple again
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await watchRipples(page);
  await addButton.click();
  await expect.poll(() => rippled(page)).toBe(true);
  // and the ripple fades away by itself
  await expect(page.locator('.ant-wave')).toHaveCount(0, { timeout: 5_000 });
});
