/**
 * A screen loaded when it is first opened (react-router's `lazy`): the window starts with the frame and
 * 首页 only, and each other screen's code arrives as its own small file (npm run bench: rendererReadyMs).
 */
import type { ComponentType } from 'react';

export function lazyPage<M>(load: () => Promise<M>, pick: (m: M) => ComponentType): () => Promise<{ Component: ComponentType }> {
  return async () => ({ Component: pick(await load()) });
}
