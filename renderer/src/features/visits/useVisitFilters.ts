/**
 * The list's filters live in the address (`#/visits?status=unconfirmed&from=2026-10-01`), so a link
 * from the home page opens the list already filtered, and going back returns to the same view.
 */
import { useSearchParams } from 'react-router';
import { VISIT_STATUSES, type VisitStatus } from '../../../../shared/api/visits';

export interface VisitFilters {
  residentId?: number;
  staffId?: number;
  from?: string;
  to?: string;
  status?: VisitStatus;
  search?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function useVisitFilters(): [VisitFilters, (patch: Partial<VisitFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const num = (k: string): number | undefined => {
    const n = Number(params.get(k));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const date = (k: string): string | undefined => (DATE.test(params.get(k) ?? '') ? params.get(k)! : undefined);
  const status = params.get('status');
  const filters: VisitFilters = {
    residentId: num('resident'),
    staffId: num('staff'),
    from: date('from'),
    to: date('to'),
    status: VISIT_STATUSES.includes(status as VisitStatus) ? (status as VisitStatus) : undefined,
    search: params.get('q') ?? undefined,
  };
  const update = (patch: Partial<VisitFilters>): void => {
    const next = { ...filters, ...patch };
    const out = new URLSearchParams();
    if (next.residentId) out.set('resident', String(next.residentId));
    if (next.staffId) out.set('staff', String(next.staffId));
    if (next.from) out.set('from', next.from);
    if (next.to) out.set('to', next.to);
    if (next.status) out.set('status', next.status);
    if (next.search) out.set('q', next.search);
    setParams(out, { replace: true });
  };
  return [filters, update];
}
