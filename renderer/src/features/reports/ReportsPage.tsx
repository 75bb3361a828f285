/**
 * 报表: the claims ledger (结算台账) by year: what each month claimed, what the agency paid, deducted
 * (扣款) and rejected (拒付), and what is still outstanding; exported to Excel as institutions keep it.
 * Figures are formatted as the claim screen formats them. A row opens the month in 月度结算, where its
 * documents are printed and saved.
 */
import { Button, Card, Col, Flex, Input, Row, Select, Statistic, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { LedgerRow } from '../../../../shared/api/reports';
import { formatYuan } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { offerDownload } from '../../ui/download';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatCount, formatHours } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { S } from './strings';
import { PAGER } from '../../ui/pagination';

type Status = 'submitted' | 'settled';

const red = (fen: number) => (fen > 0 ? <span style={{ color: '#cf1322' }}>{formatYuan(fen)}</span> : formatYuan(0));
const byNumber = (f: (r: LedgerRow) => number) => (a: LedgerRow, b: LedgerRow) => f(a) - f(b);

export function ReportsPage() {
  const navigate = useNavigate();
  const [year, setYear] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const [search, setSearch] = useState('');
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const ledger = useApiQuery('reports.ledger', { year, status });
  const rows = useMemo(() => (ledger.data?.rows ?? []).filter((r) => !search.trim() || r.month.includes(search.trim())), [ledger.data, search]);

  const [exportingRec, setExportingRec] = useState(false);
  const exportReconciliation = async () => {
    setExportingRec(true);
    setExportError(null);
    try {
      offerDownload(await call('claims.reconciliationWorkbook', {}));
    } catch (e) {
      setExportError(e);
    } finally {
      setExportingRec(false);
    }
  };

  const exportWorkbook = async () => {
    setExporting(true);
    setExportError(null);
    try {
      offerDownload(await call('reports.ledgerWorkbook', { year, status }));
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  };

  const columns: TableProps<LedgerRow>['columns'] = [
    {
      title: S.col.month,
      dataIndex: 'month',
      key: 'month',
      width: 110,
      sorter: (a, b) => a.month.localeCompare(b.month),
      defaultSortOrder: 'descend',
      render: (m: string) => <Link to={`/claims?month=${m}`}>{m}</Link>,
    },
    { title: S.col.kind, key: 'kind', width: 100, render: (_: unknown, r) => S.kind(r.kind, r.seq) },
    { title: S.col.status, dataIndex: 'status', key: 'status', width: 90, render: (s: string) => <Tag color={S.statusColors[s]}>{S.statusNames[s] ?? s}</Tag> },
    { title: S.col.persons, dataIndex: 'persons', key: 'persons', width: 70, align: 'right', sorter: byNumber((r) => r.persons), render: formatCount },
    { title: S.col.days, dataIndex: 'billableDays', key: 'days', width: 80, align: 'right', sorter: byNumber((r) => r.billableDays), render: formatCount },
    {
      title: S.col.hours,
      key: 'hours',
      width: 110,
      align: 'right',
      sorter: byNumber((r) => r.coveredMinutes),
      render: (_: unknown, r) => formatHours(r.coveredMinutes),
    },
    { title: S.col.fee, key: 'fee', align: 'right', sorter: byNumber((r) => r.feeFen), render: (_: unknown, r) => formatYuan(r.feeFen) },
    { title: S.col.fund, key: 'fund', align: 'right', sorter: byNumber((r) => r.fundFen), render: (_: unknown, r) => formatYuan(r.fundFen) },
    { title: S.col.personal, key: 'personal', align: 'right', render: (_: unknown, r) => formatYuan(r.personalFen) },
    {
      title: S.col.paid,
      key: 'paid',
      align: 'right',
      render: (_: unknown, r) => (r.paidFundFen === null ? <Tag>{S.notPaid}</Tag> : formatYuan(r.paidFundFen)),
    },
    { title: S.col.deducted, key: 'deducted', align: 'right', sorter: byNumber((r) => r.deductedFen), render: (_: unknown, r) => red(r.deductedFen) },
    { title: S.col.rejected, key: 'rejected', align: 'right', sorter: byNumber((r) => r.rejectedFen), render: (_: unknown, r) => red(r.rejectedFen) },
    {
      title: S.col.submitted,
      key: 'submitted',
      width: 140,
      render: (_: unknown, r) => (r.submittedAt ? `${r.submittedAt.slice(0, 16).replace('T', ' ')}` : ''),
    },
  ];

  const t = ledger.data?.totals;
  return (
    <>
      <PageHeader
        title={S.title}
        subtitle={S.subtitle}
        extra={
          <Flex gap={8}>
            <Button onClick={() => void exportReconciliation()} loading={exportingRec} disabled={!rows.length}>
              {S.exportReconciliation}
            </Button>
            <Button onClick={() => void exportWorkbook()} loading={exporting} disabled={!rows.length}>
              {S.export}
            </Button>
          </Flex>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }} role="search" aria-label={S.filtersLabel}>
        <Select
          aria-label={S.year}
          style={{ width: 130 }}
          value={year ?? ''}
          onChange={(v) => setYear(v || undefined)}
          options={[{ value: '', label: S.allYears }, ...(ledger.data?.years ?? []).map((y) => ({ value: y, label: S.yearName(y) }))]}
        />
        <Select
          aria-label={S.status}
          style={{ width: 130 }}
          value={status ?? ''}
          onChange={(v) => setStatus((v || undefined) as Status | undefined)}
          options={[
            { value: '', label: S.allStatus },
            { value: 'submitted', label: S.statusNames['submitted'] },
            { value: 'settled', label: S.statusNames['settled'] },
          ]}
        />
        <Input.Search
          aria-label={S.searchLabel}
          allowClear
          placeholder={S.search}
          style={{ width: 240 }}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </Flex>
      <ErrorAlert error={ledger.error ?? exportError} />
      {t && (
        <Row gutter={16} style={{ marginBottom: 16 }} data-testid="ledger-totals">
          <Col flex="1 1 0">
            <Card size="small">
              <Statistic title={S.stat.claims} value={t.claims} suffix={S.settledOf(t.settled)} />
            </Card>
          </Col>
          <Col flex="1 1 0">
            <Card size="small">
              <Statistic title={S.stat.fund} value={formatYuan(t.fundFen)} />
            </Card>
          </Col>
          <Col flex="1 1 0">
            <Card size="small">
              <Statistic title={S.stat.paid} value={formatYuan(t.paidFundFen)} />
            </Card>
          </Col>
          <Col flex="1 1 0">
            <Card size="small">
              <Statistic title={S.stat.deducted} value={formatYuan(t.deductedFen)} valueStyle={{ color: t.deductedFen > 0 ? '#cf1322' : undefined }} />
            </Card>
          </Col>
          <Col flex="1 1 0">
            <Card size="small">
              <Statistic title={S.stat.rejected} value={formatYuan(t.rejectedFen)} valueStyle={{ color: t.rejectedFen > 0 ? '#cf1322' : undefined }} />
            </Card>
          </Col>
          <Col flex="1 1 0">
            <Card size="small">
              <Statistic title={S.stat.outstanding} value={formatYuan(t.outstandingFundFen)} />
            </Card>
          </Col>
        </Row>
      )}
      <Table<LedgerRow>
        rowKey="claimId"
        size="middle"
        loading={ledger.isLoading}
        columns={columns}
        dataSource={rows}
        pagination={{ ...PAGER, pageSize: 24, showSizeChanger: true, showTotal: (n) => S.total(n) }}
        locale={{
          emptyText: ledger.data ? (
            <EmptyState
              title={S.empty}
              hint={S.emptyHint}
              filtered={
                !!(year || status || search.trim()) && {
                  onClear: () => {
                    setYear(undefined);
                    setStatus(undefined);
                    setSearch('');
                  },
                }
              }
              actions={[{ label: S.goClaims, primary: true, onClick: () => void navigate('/claims') }]}
            />
          ) : (
            ' '
          ),
        }}
        scroll={{ x: 1250 }}
      />
    </>
  );
}
