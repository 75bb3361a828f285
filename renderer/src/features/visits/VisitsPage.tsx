/** 上门服务: the list with its filters, the entry drawer, and the way to the import. */
import { Alert, Button } from 'antd';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { S } from './strings';
import { useVisitFilters } from './useVisitFilters';
import { VisitDrawer } from './VisitDrawer';
import { VisitFiltersBar } from './VisitFiltersBar';
import { VisitTable, type TableState } from './VisitTable';

export function VisitsPage() {
  const navigate = useNavigate();
  const [filters, setFilters] = useVisitFilters();
  const [table, setTable] = useState<TableState>({ page: 1, pageSize: 20 });
  // `opened` counts the drawer's openings: each one mounts a fresh drawer (see VisitDrawer).
  const [drawer, setDrawer] = useState<{ open: boolean; id: number | null; opened: number }>({ open: false, id: null, opened: 0 });
  const openDrawer = (id: number | null) => setDrawer((d) => ({ open: true, id, opened: d.opened + 1 }));
  const catalogue = useApiQuery('visits.catalogue', undefined);
  const list = useApiQuery(
    'visits.list',
    {
      ...filters,
      page: table.page,
      pageSize: table.pageSize,
      ...(table.sortField ? { sortField: table.sortField, sortOrder: table.sortOrder } : {}),
    },
    { placeholderData: keepPreviousData },
  );
  const noInstitution = catalogue.isSuccess && catalogue.data === null;
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const empty = (
    <EmptyState
      title={S.emptyTitle}
      hint={noInstitution ? S.noInstitution : S.emptyHint}
      filtered={
        filtered && {
          onClear: () => setFilters({ residentId: undefined, staffId: undefined, from: undefined, to: undefined, status: undefined, search: undefined }),
        }
      }
      actions={[
        { label: S.add, primary: true, disabled: noInstitution, onClick: () => openDrawer(null) },
        { label: S.emptyImport, disabled: noInstitution, onClick: () => void navigate('/visits/import') },
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
            <Button onClick={() => void navigate('/visits/import')} disabled={noInstitution}>
              {S.import}
            </Button>
            <Button type="primary" onClick={() => openDrawer(null)} disabled={noInstitution}>
              {S.add}
            </Button>
          </>
        }
      />
      {noInstitution && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={S.noInstitution} action={<Link to="/settings/institution">{S.goInstitution}</Link>} />
      )}
      <VisitFiltersBar
        filters={filters}
        onChange={(patch) => {
          setFilters(patch);
          setTable((t) => ({ ...t, page: 1 }));
        }}
      />
      <ErrorAlert error={list.error} />
      <VisitTable
        rows={list.data?.rows ?? []}
        total={list.data?.total ?? 0}
        loading={list.isFetching}
        state={table}
        onState={setTable}
        onEdit={openDrawer}
        empty={list.data ? empty : ' '}
      />
      <VisitDrawer
        key={drawer.opened}
        open={drawer.open}
        visitId={drawer.id}
        catalogue={catalogue.data}
        onClose={() => setDrawer((d) => ({ ...d, open: false }))}
      />
    </>
  );
}
