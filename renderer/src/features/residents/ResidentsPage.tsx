/** 服务对象: the list with its filters; the add button opens the form for a new person. */
import { keepPreviousData } from '@tanstack/react-query';
import { Button, Flex, Input, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { LEVELS } from '../../../../shared/domain/model';
import { useApiQuery } from '../../api/hooks';
import { todayLocal } from '../../ui/dates';
import { useSyncedText } from '../../ui/useSyncedText';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { ResidentTable, type TableState } from './ResidentTable';
import { levelName, S, STATUS_NAMES } from './strings';
import { useResidentFilters } from './useResidentFilters';

const MODE_OPTIONS = [
  { value: 'institutional', label: S.modes.institutional },
  { value: 'home', label: S.modes.home },
];
const STATUS_OPTIONS = [
  { value: 'in-stay', label: S.inStay },
  ...(['present', 'hospital', 'leave', 'discharged', 'deceased', 'none'] as const).map((s) => ({ value: s, label: STATUS_NAMES[s] })),
];
const LEVEL_OPTIONS = [...LEVELS.map((l) => ({ value: String(l), label: levelName(l) })), { value: 'none', label: S.noLevel }];

export function ResidentsPage() {
  const navigate = useNavigate();
  const [filters, setFilters] = useResidentFilters();
  const [table, setTable] = useState<TableState>({ page: 1, pageSize: 20 });
  const list = useApiQuery(
    'residents.list',
    {
      ...filters,
      today: todayLocal(),
      page: table.page,
      pageSize: table.pageSize,
      ...(table.sortField ? { sortField: table.sortField, sortOrder: table.sortOrder } : {}),
    },
    { placeholderData: keepPreviousData },
  );
  const update = (patch: Parameters<typeof setFilters>[0]) => {
    setFilters(patch);
    setTable((t) => ({ ...t, page: 1 }));
  };
  const [searchText, setSearchText] = useSyncedText(filters.search);
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const toRoster = () => void navigate('/import/roster?from=residents');
  const empty = (
    <EmptyState
      title={S.emptyTitle}
      hint={S.emptyHint}
      filtered={
        filtered && {
          onClear: () => update({ search: undefined, mode: undefined, status: undefined, level: undefined }),
        }
      }
      actions={[
        { label: S.add, primary: true, onClick: () => void navigate('/residents/new') },
        { label: S.importRoster, onClick: toRoster },
      ]}
    />
  );

  return (
    <>
      <PageHeader
        title={S.title}
        subtitle={S.subtitle}
        extra={
          <>
            <Button onClick={toRoster}>{S.importRoster}</Button>
            <Button type="primary" onClick={() => void navigate('/residents/new')}>
              {S.add}
            </Button>
          </>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }} role="search" aria-label={S.filtersLabel}>
        <Input.Search
          aria-label={S.searchLabel}
          placeholder={S.search}
          allowClear
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          onSearch={(q) => update({ search: q.trim() || undefined })}
          style={{ width: 280 }}
        />
        <Select
          aria-label={S.filterMode}
          placeholder={`${S.filterMode}：${S.all}`}
          allowClear
          value={filters.mode}
          options={MODE_OPTIONS}
          onChange={(mode) => update({ mode })}
          style={{ width: 150 }}
        />
        <Select
          aria-label={S.filterStatus}
          placeholder={`${S.filterStatus}：${S.all}`}
          allowClear
          value={filters.status}
          options={STATUS_OPTIONS}
          onChange={(status) => update({ status })}
          style={{ width: 180 }}
        />
        <Select
          aria-label={S.filterLevel}
          placeholder={`${S.filterLevel}：${S.all}`}
          allowClear
          value={filters.level}
          options={LEVEL_OPTIONS}
          onChange={(level) => update({ level })}
          style={{ width: 180 }}
        />
      </Flex>
      <ErrorAlert error={list.error} />
      <ResidentTable
        rows={list.data?.rows ?? []}
        total={list.data?.total ?? 0}
        loading={list.isFetching}
        state={table}
        onState={setTable}
        empty={list.data ? empty : ' '}
      />
    </>
  );
}
