/** Page object: what an empty list shows (renderer/src/ui/EmptyState.tsx): what is missing and what to do. */
import type { Page } from '@playwright/test';

export class EmptyState {
  constructor(readonly page: Page) {}

  /** the empty state shown (a tab not shown keeps its own, hidden) */
  readonly box = () => this.page.getByTestId('empty-state').filter({ visible: true }).first();
  readonly action = (label: string) => this.box().getByRole('button', { name: label, exact: true });
}
