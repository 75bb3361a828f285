/**
 * The list's filters live in the address (#/staff?cert=expiring&role=nurse), so going back from a
 * person's page returns to the same filtered page, and the home page can link straight to a filter.
 */
import { useSearchParams } from 'react-router';
import { CERT_STATUSES, EMPLOYMENT_FILTERS, type CertStatus, type EmploymentFilter } from '../../../../shared/api/staff';
import { CERTIFICATE_TYPES, STAFF_ROLES, type CertificateType, type StaffRole } from '../../../../shared/domain/model';

export interface StaffFilters {
  search?: string;
  role?: StaffRole;
  employment?: EmploymentFilter;
  certStatus?: CertStatus;
  /** the matrix's column filter */
  type?: CertificateType;
  /** the matrix's date */
  date?: string;
}

const KEYS = { search: 'q', role: 'role', employment: 'employment', certStatus: 'cert', type: 'type', date: 'date' } as const;

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;

export function useStaffFilters(): [StaffFilters, (patch: Partial<StaffFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const date = params.get(KEYS.date);
  const filters: StaffFilters = {
    ...(params.get(KEYS.search) ? { search: params.get(KEYS.search)! } : {}),
    ...(oneOf(STAFF_ROLES, params.get(KEYS.role)) ? { role: oneOf(STAFF_ROLES, params.get(KEYS.role)) } : {}),
    ...(oneOf(EMPLOYMENT_FILTERS, params.get(KEYS.employment)) ? { employment: oneOf(EMPLOYMENT_FILTERS, params.get(KEYS.employment)) } : {}),
    ...(oneOf(CERT_STATUSES, params.get(KEYS.certStatus)) ? { certStatus: oneOf(CERT_STATUSES, params.get(KEYS.certStatus)) } : {}),
    ...(oneOf(CERTIFICATE_TYPES, params.get(KEYS.type)) ? { type: oneOf(CERTIFICATE_TYPES, params.get(KEYS.type)) } : {}),
    ...(date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { date } : {}),
  };
  const update = (patch: Partial<StaffFilters>): void => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          const key = KEYS[k as keyof StaffFilters];
          if (v === undefined || v === null || v === '') next.delete(key);
          else next.set(key, String(v));
        }
        return next;
      },
      { replace: true },
    );
  };
  return [filters, update];
}
