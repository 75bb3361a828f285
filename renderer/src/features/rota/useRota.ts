/**
 * The month's rota on the screen: the services' view, the cells as the head nurse has them now (her edits
 * apply at once, before the services answer), and the checks re-run on every change (shared/rota/checks.ts,
 * the same the services print with). Edits are sent as one rota.setCells call each; after 发布 the
 * caller asks for a reason first.
 */
import { useCallback, useMemo, useState } from 'react';
import type { RotaMonthView } from '../../../../shared/api/rota';
import { checkRota, type RotaCheck } from '../../../../shared/rota/checks';
import type { CellEdit } from '../../../../shared/rota/edits';
import type { RotaCell } from '../../../../shared/rota/types';
import { call } from '../../api/client';

export const cellKey = (staffId: number, date: string) => `${staffId}|${date}`;

export function useRotaCells(view: RotaMonthView | undefined) {
  /** edits not yet confirmed by a reload of the view: key → shift id or null */
  const [pending, setPending] = useState<Map<string, number | null>>(new Map());
  const [base, setBase] = useState<RotaMonthView | undefined>(view);
  if (view !== base) {
    setBase(view);
    setPending(new Map());
  }
  const cells = useMemo(() => {
    const m = new Map<string, number>();
    for (const c of view?.cells ?? []) m.set(cellKey(c.staffId, c.date), c.shiftTypeId);
    for (const [k, v] of pending) {
      if (v === null) m.delete(k);
      else m.set(k, v);
    }
    return m;
  }, [view, pending]);
  const check: RotaCheck | null = useMemo(() => {
    if (!view) return null;
    const list: RotaCell[] = [];
    for (const [k, shiftTypeId] of cells) {
      const [s, date] = k.split('|');
      list.push({ staffId: Number(s), date: date!, shiftTypeId });
    }
    return checkRota({ ...view, cells: list });
  }, [view, cells]);

  const apply = useCallback(
    async (edits: readonly CellEdit[], reason?: string) => {
      if (!view || edits.length === 0) return;
      setPending((p) => {
        const next = new Map(p);
        for (const e of edits) next.set(cellKey(e.staffId, e.date), e.shiftTypeId);
        return next;
      });
      try {
        await call('rota.setCells', { month: view.month, cells: edits.map((e) => ({ ...e })), ...(reason ? { reason } : {}) });
      } catch (e) {
        setPending((p) => {
          const next = new Map(p);
          for (const x of edits) next.delete(cellKey(x.staffId, x.date));
          return next;
        });
        throw e;
      }
    },
    [view],
  );
  return { cells, check, apply };
}
