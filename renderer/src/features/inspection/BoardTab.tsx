/**
 * 检查看板: the month's checks (DOMAIN.md §10) with status, count and the records behind each (linked to
 * where they are fixed), the score out of 100, and by month the score, the fund's income and deductions,
 * and the claim issues. Computed as a job in the inspection worker, afresh each time the tab is shown.
 */
import { Card, Col, Flex, List, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { Board, CheckRow } from '../../../../shared/api/inspection';
import { formatYuan } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { useJob } from '../../api/useJob';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SectionTitle } from '../../ui/headings';
import { JobProgress } from '../claims/JobProgress';
import { ItemLinks } from './ItemLinks';
import type { Series } from './MonthChart';
import { S } from './strings';

const B = S.board;
/** ECharts arrives only when a chart is first drawn: its own file, after the board's table. */
const MonthChart = lazy(() => import('./MonthChart').then((m) => ({ default: m.MonthChart })));
/**
 * Where a chart will be, at its height (MonthChart: 220 px), while ECharts loads: the cards and their titles
 * are there from the start, so nothing below them moves when the charts arrive (when the one placeholder stood
 * for the three cards, the table of checks jumped down as they came, under a click meant for a row).
 */
function ChartSlot({ children }: { children: React.ReactNode }) {
  return (
    <Suspense
      fallback={
        <div style={{ height: 220, overflow: 'hidden' }}>
          <Skeleton.Node active style={{ width: '100%', height: 220 }} />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

function Items({ row, links }: { row: CheckRow; links: Board['links'] }) {
  if (row.items.length === 0) return <Typography.Text type="secondary">{B.noRecords}</Typography.Text>;
  return (
    <>
      {row.itemsTotal > row.items.length && <Typography.Text type="secondary">{B.more(row.items.length, row.itemsTotal)}</Typography.Text>}
      <List
        size="small"
        dataSource={row.items}
        renderItem={(item) => (
          <List.Item>
            <Flex vertical gap={2}>
              <span>{item.text}</span>
              <ItemLinks item={item} links={links} />
            </Flex>
          </List.Item>
        )}
      />
    </>
  );
}

function Charts({ board }: { board: Board }) {
  const months = useMemo(() => board.history.map((h) => h.month), [board]);
  const text = (f: (h: Board['history'][number]) => string) => board.history.map((h) => `${h.month} ${f(h)}`).join('，');
  const score = useMemo((): Series[] => [{ name: B.series.score, kind: 'line', data: board.history.map((h) => h.score), color: '#0958d9' }], [board]);
  const fund = useMemo(
    (): Series[] => [
      { name: B.series.claimed, kind: 'bar', data: board.history.map((h) => h.claimedFundFen / 100), color: '#1677ff' },
      { name: B.series.paid, kind: 'bar', data: board.history.map((h) => h.paidFundFen / 100), color: '#389e0d' },
      { name: B.series.deducted, kind: 'bar', data: board.history.map((h) => h.deductedFen / 100), color: '#cf1322' },
    ],
    [board],
  );
  const issues = useMemo(
    (): Series[] => [
      { name: B.series.errors, kind: 'bar', data: board.history.map((h) => h.errors), color: '#cf1322' },
      { name: B.series.warnings, kind: 'bar', data: board.history.map((h) => h.warnings), color: '#d46b08' },
    ],
    [board],
  );
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} xl={8}>
        <Card size="small" title={B.history}>
          <ChartSlot>
            <MonthChart testId="chart-score" months={months} series={score} max={100} label={B.chartLabel.history(text((h) => B.chartText.score(h.score)))} />
          </ChartSlot>
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card size="small" title={B.fund}>
          <ChartSlot>
            <MonthChart
              testId="chart-fund"
              months={months}
              series={fund}
              label={B.chartLabel.fund(text((h) => B.chartText.fund(formatYuan(h.claimedFundFen), formatYuan(h.paidFundFen), formatYuan(h.deductedFen))))}
            />
          </ChartSlot>
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card size="small" title={B.issues}>
          <ChartSlot>
            <MonthChart
              testId="chart-issues"
              months={months}
              series={issues}
              label={B.chartLabel.issues(text((h) => B.chartText.issues(h.errors, h.warnings)))}
            />
          </ChartSlot>
        </Card>
      </Col>
    </Row>
  );
}

export function BoardTab({ month }: { month: string }) {
  const job = useJob();
  const [board, setBoard] = useState<Board | null>(null);
  const { run } = job;
  const check = useCallback(async () => {
    const done = await run(() => call('inspection.board', { month }));
    if (done) setBoard(done.result as Board);
  }, [run, month]);
  useEffect(() => {
    void check();
  }, [check]);

  const shown = board?.month === month ? board : null;
  const counts = (s: CheckRow['status']) => shown?.checks.filter((c) => c.status === s).length ?? 0;
  return (
    <>
      {job.running && <JobProgress status={job.status} testId="board-progress" />}
      <ErrorAlert error={job.error} />
      {!shown ? (
        job.error ? null : (
          <Skeleton active />
        )
      ) : (
        <>
          <Flex gap={32} align="center" wrap style={{ marginBottom: 16 }}>
            <Statistic title={B.score} value={shown.score} suffix="/ 100" data-testid="board-score" />
            {(['fail', 'attention', 'pass', 'nodata'] as const).map((s) => (
              <Statistic key={s} title={S.status[s]} value={counts(s)} />
            ))}
            <Typography.Text type="secondary" style={{ maxWidth: 420 }}>
              {B.scoreNote}
            </Typography.Text>
          </Flex>
          <Charts board={shown} />
          <SectionTitle>{B.checks}</SectionTitle>
          <Table<CheckRow>
            rowKey="id"
            size="middle"
            pagination={false}
            aria-label={B.checks}
            dataSource={shown.checks}
            expandable={{ rowExpandable: (r) => r.status !== 'nodata', expandedRowRender: (r) => <Items row={r} links={shown.links} /> }}
            onRow={(r) => ({ 'data-testid': `check-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: B.col.title, dataIndex: 'title', width: 220 },
              {
                title: B.col.status,
                dataIndex: 'status',
                width: 110,
                filters: (['fail', 'attention', 'pass', 'nodata'] as const).map((st) => ({ text: S.status[st], value: st })),
                onFilter: (value, r) => r.status === value,
                render: (s: CheckRow['status']) => <Tag color={S.statusColor[s]}>{S.status[s]}</Tag>,
              },
              { title: B.col.count, dataIndex: 'count', width: 80, align: 'right', render: (n: number | null) => (n === null ? '—' : n) },
              { title: B.col.summary, dataIndex: 'summary' },
              { title: B.col.weight, dataIndex: 'weight', width: 70, align: 'right' },
            ]}
          />
          {shown.deductionReasons.length > 0 && (
            <>
              <SectionTitle style={{ marginTop: 16 }}>{B.reasons}</SectionTitle>
              <Table
                rowKey="reason"
                size="small"
                pagination={false}
                aria-label={B.reasons}
                dataSource={shown.deductionReasons}
                columns={[
                  { title: B.reasonCol.reason, dataIndex: 'reason' },
                  { title: B.reasonCol.count, dataIndex: 'count', width: 80, align: 'right' },
                  { title: B.reasonCol.fen, dataIndex: 'deductedFen', width: 120, align: 'right', render: (f: number) => formatYuan(f) },
                ]}
              />
            </>
          )}
        </>
      )}
    </>
  );
}
