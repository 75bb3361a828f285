/** How a user works antd's pop-up widgets on the residents and beds screens. */
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * antd renders a select's options in a popup outside the field; pick by visible text. The click goes
 * to the select box around the labelled input: once a value is chosen that input can be zero-sized.
 */
export async function pickOption(page: Page, field: Locator, text: string): Promise<void> {
  // The last option clicked may have left the pointer over a sortable column header, whose tooltip
  // (点击升序) then covers the filter bar; a user's hand leaves it on the way to the next field.
  await page.mouse.move(0, 0);
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const open = page.locator('.ant-select-dropdown:visible');
  // On a busy machine a click made while the list is still sliding open can be lost, and the open list
  // then covers the next field: choose again until the list has closed on the choice.
  await expect(async () => {
    if ((await open.count()) === 0) await select.click();
    await open.locator('.ant-select-item-option', { hasText: text }).first().click({ timeout: 3_000 });
    await expect(open).toHaveCount(0, { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
}

/** Types a date (or a month) into an antd date picker, as a keyboard user would. */
export async function typeDate(field: Locator, value: string): Promise<void> {
  await field.click();
  await field.fill(value);
  await field.press('Enter');
}

/**
 * antd puts a space between the two characters of a two-character button (保 存): match either way.
 * A button that was loading may keep its (collapsed) loading icon, named "loading", for a moment.
 */
export const buttonName = (text: string): RegExp => new RegExp(`^(loading )?${[...text].join('\\s?')}$`);
