/**
 * The list's filters live in the address (`#/residents?status=in-stay&level=4`), so a link from
 * elsewhere opens the list already filtered, and going back returns to the same view.
 */
import { useSearchParams } from 'react-router';
import { LEVEL_FILTERS, STATUS_FILTERS, type LevelFilter, type StatusFilter } from '../../../../shared/api/residents';
import type { CareMode } from '../../../../shared/domain/model';

export interface ResidentFilters {
  search?: string;
  mode?: CareMode;
  status?: StatusFilter;
  level?: LevelFilter;
}

export function useResidentFilters(): [ResidentFilters, (patch: Partial<ResidentFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const pick = <T extends string>(key: string, allowed: readonly T[]): T | undefined => {
    const v = params.get(key);
    return allowed.includes(v as T) ? (v as T) : undefined;
  };
  const filters: ResidentFilters = {
    search: params.get('q') ?? undefined,
    mode: pick('mode', ['institutional', 'home'] as const),
    status: pick('status', STATUS_FILTERS),
    level: pick('level', LEVEL_FILTERS),
  };
  const update = (patch: Partial<ResidentFilters>): void => {
    const next = { ...filters, ...patch };
    const out = new URLSearchParams();
    if (next.search) out.set('q', next.search);
    if (next.mode) out.set('mode', next.mode);
    if (next.status) out.set('status', next.status);
    if (next.level) out.set('level', next.level);
    setParams(out, { replace: true });
  };
  return [filters, update];
}
