/**
 * A client or caregiver chosen by typing part of the name or ID number. The services search (30 at a
 * time), so an agency with thousands of clients never sends them all; the chosen person's label is
 * always fetched with the matches. ID numbers are shown masked.
 */
import { Select, Typography } from 'antd';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks';
import { useDebounced } from '../../ui/useDebounced';
import { S } from './strings';

export interface PersonSelectProps {
  kind: 'resident' | 'staff';
  value?: number | null;
  onChange?: (id: number | undefined) => void;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'aria-label'?: string;
}

export function PersonSelect({ kind, value, onChange, allowClear, ...rest }: PersonSelectProps) {
  const [search, setSearch] = useState('');
  const settled = useDebounced(search, 250);
  const q = useApiQuery('visits.people', { kind, search: settled || undefined, ids: value ? [value] : [] }, { placeholderData: keepPreviousData });
  const fresh = settled === search && !q.isFetching && !q.isPlaceholderData;
  const options = (q.data ?? []).map((p) => ({
    value: p.id,
    label: p.name,
    title: `${p.name} ${p.idMasked}`,
    hint: `${p.idMasked} · ${p.hint}`,
  }));
  return (
    <Select<number>
      {...rest}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      allowClear={allowClear}
      loading={q.isFetching}
      // Until the services answer for what is typed, the options shown are narrowed here by name, so
      // Enter never picks a person from the previous, unrelated list; once they answer, theirs stand
      // (they also match ID numbers, which are only masked here).
      showSearch={{ filterOption: (input, option) => (fresh ? true : String(option?.label ?? '').includes(input.trim())), onSearch: setSearch }}
      onOpenChange={(open) => !open && setSearch('')}
      options={options}
      optionRender={(o) => (
        <div>
          {o.data.label}
          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
            {o.data.hint}
          </Typography.Text>
        </div>
      )}
      notFoundContent={q.isFetching ? S.form.searching : S.form.notFound}
    />
  );
}
