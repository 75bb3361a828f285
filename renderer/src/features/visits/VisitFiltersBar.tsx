/** The list's filter bar: client, caregiver, date range (本月/上月 presets), status, search. */
import { DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { RANGE_FORMATS } from '../../ui/DateInput';
import { useSyncedText } from '../../ui/useSyncedText';
import { PersonSelect } from './PersonSelect';
import { DISPLAY_DATE } from './dateTime';
import { S, STATUS_OPTIONS } from './strings';
import type { VisitFilters } from './useVisitFilters';

export function VisitFiltersBar({ filters, onChange }: { filters: VisitFilters; onChange: (patch: Partial<VisitFilters>) => void }) {
  const month = dayjs().startOf('month');
  const [text, setText] = useSyncedText(filters.search);
  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }} role="search" aria-label={S.filtersLabel}>
      <PersonSelect
        kind="resident"
        aria-label={S.filterResident}
        placeholder={S.filterResident}
        allowClear
        value={filters.residentId ?? null}
        onChange={(id) => onChange({ residentId: id })}
        style={{ width: 190 }}
      />
      <PersonSelect
        kind="staff"
        aria-label={S.filterStaff}
        placeholder={S.filterStaff}
        allowClear
        value={filters.staffId ?? null}
        onChange={(id) => onChange({ staffId: id })}
        style={{ width: 190 }}
      />
      <DatePicker.RangePicker
        aria-label={S.datesLabel}
        placeholder={S.filterDates}
        format={RANGE_FORMATS}
        value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
        allowEmpty={[true, true]}
        presets={[
          { label: S.thisMonth, value: [month, month.endOf('month')] },
          { label: S.lastMonth, value: [month.subtract(1, 'month'), month.subtract(1, 'month').endOf('month')] },
        ]}
        onChange={(range) => onChange({ from: range?.[0]?.format(DISPLAY_DATE), to: range?.[1]?.format(DISPLAY_DATE) })}
      />
      <Select
        aria-label={S.filterStatus}
        placeholder={S.statusAll}
        allowClear
        value={filters.status}
        onChange={(status) => onChange({ status })}
        options={STATUS_OPTIONS}
        style={{ width: 130 }}
      />
      <Input.Search
        aria-label={S.searchLabel}
        placeholder={S.search}
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(q) => onChange({ search: q.trim() || undefined })}
        style={{ width: 280 }}
      />
    </Flex>
  );
}
