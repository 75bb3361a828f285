/**
 * Page controls named in Chinese. antd's previous/next buttons carry only an icon, which names them
 * after the icon in English ("left", "right"); screen readers should say 上一页 / 下一页. Spread
 * `PAGER` into every list's `pagination`.
 */
import { cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';
import { S } from './strings';

function pagerItem(_page: number, type: string, element: ReactNode): ReactNode {
  const name = S.pager[type];
  return name && isValidElement(element) ? cloneElement(element as ReactElement<{ 'aria-label'?: string }>, { 'aria-label': name }) : element;
}

export const PAGER = { itemRender: pagerItem } as const;
