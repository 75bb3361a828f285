/**
 * The system's "reduce motion" preference (Windows: 设置 › 辅助功能 › 视觉效果 › 动画效果 off), followed
 * live: when it is set, antd's slides and fades are switched off (theme token `motion`), so dialogs,
 * drawers and pop-up lists appear at once, and so is the buttons' click ripple (App.tsx, `wave`). It is also what the e2e suite runs with (playwright.config.ts
 * `reducedMotion`), so its clicks never wait for an animation to settle.
 */
import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

const current = (): boolean => window.matchMedia(QUERY).matches;

export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, current, () => false);
}
