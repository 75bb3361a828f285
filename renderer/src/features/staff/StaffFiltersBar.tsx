/** Search and filters shared by the staff list and the certificate matrix. */
import { Flex, Input, Select } from 'antd';
import { useEffect, useEffectEvent } from 'react';
import { CERT_STATUSES, EMPLOYMENT_FILTERS, type CertStatus, type EmploymentFilter } from '../../../../shared/api/staff';
import { STAFF_ROLE_NAMES } from '../../../../shared/domain/glossary';
import { STAFF_ROLES } from '../../../../shared/domain/model';
import { S } from './strings';
import { useDebounced } from '../../ui/useDebounced';
import { useSyncedText } from '../../ui/useSyncedText';
import type { StaffFilters } from './useStaffFilters';

export function StaffFiltersBar({
  filters,
  onChange,
  certStatus = true,
}: {
  filters: StaffFilters;
  onChange: (patch: Partial<StaffFilters>) => void;
  certStatus?: boolean;
}) {
  const [text, setText] = useSyncedText(filters.search);
  const settled = useDebounced(text, 300);
  // Only a settled change of the typed text is a new search; the filters' own changes (a 搜索 press,
  // the back button) are not, so the filters are read when the text settles, not reacted to.
  const search = useEffectEvent((typed: string) => {
    if (typed !== (filters.search ?? '')) onChange({ search: typed });
  });
  useEffect(() => {
    search(settled);
  }, [settled]);

  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        aria-label={S.searchLabel}
        placeholder={S.search}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => onChange({ search: v })}
        style={{ width: 260 }}
      />
      <Select
        aria-label={S.roleLabel}
        allowClear
        placeholder={S.allRoles}
        value={filters.role ?? null}
        onChange={(v) => onChange({ role: v ?? undefined })}
        options={STAFF_ROLES.map((r) => ({ value: r, label: STAFF_ROLE_NAMES[r] }))}
        style={{ width: 130 }}
      />
      <Select<'all' | EmploymentFilter>
        aria-label={S.employmentLabel}
        value={filters.employment ?? 'all'}
        onChange={(v) => onChange({ employment: v === 'all' ? undefined : v })}
        options={[{ value: 'all', label: S.allEmployment }, ...EMPLOYMENT_FILTERS.map((e) => ({ value: e, label: S.employment[e] }))]}
        style={{ width: 120 }}
      />
      {certStatus && (
        <Select<'all' | CertStatus>
          aria-label={S.certStatusLabel}
          value={filters.certStatus ?? 'all'}
          onChange={(v) => onChange({ certStatus: v === 'all' ? undefined : v })}
          options={[{ value: 'all', label: S.allCertStatus }, ...CERT_STATUSES.map((c) => ({ value: c, label: S.certStatus[c] }))]}
          style={{ width: 150 }}
        />
      )}
    </Flex>
  );
}
