/**
 * Page controls named in Chinese. antd's previous/next buttons carry only an icon, which names them
 * after the icon in English ("left", "right"); screen readers should say 上一页 / 下一页. Spread
 * `PAGER` into every list's `pagination`.
 */
import { cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';

const NAMES: Record<string, string> = { prev: '上一页', next: '下一页', 'jump-prev': '向前 5 页', 'jump-next': '向后 5 页' };

function pagerItem(_page: number, type: string, element: ReactNode): ReactNode {
  const name = NAMES[type];
  return name && isValidElement(element) ? cloneElement(element as ReactElement<{ 'aria-label'?: string }>, { 'aria-label': name }) : element;
}

export const PAGER = { itemRender: pagerItem } as const;
