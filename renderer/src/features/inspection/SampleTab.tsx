/**
 * 抽查与资料包: N persons and M days drawn at random, the seed shown (and typed, to draw the same again);
 * for each person and day the records, the claim and the visits with their evidence; exported as .xlsx.
 * The evidence pack (检查资料包) for the month and this sample is made as a job, with progress.
 */
import { Alert, App, Button, Flex, InputNumber, List, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { FileDownload } from '../../../../shared/api/define';
import type { SampleRow } from '../../../../shared/api/inspection';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useJob } from '../../api/useJob';
import { offerDownload } from '../../ui/download';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { JobProgress } from '../claims/JobProgress';
import { S } from './strings';

const P = S.sample;
const randomSeed = () => Math.floor(Math.random() * 1_000_000);

function Visits({ row }: { row: SampleRow }) {
  if (row.visits.length === 0) return <Typography.Text type="secondary">{P.noVisits}</Typography.Text>;
  return (
    <List
      size="small"
      split={false}
      dataSource={row.visits}
      renderItem={(v) => (
        <List.Item style={{ padding: '2px 0' }}>
          {P.visitLine(v.ref, v.time, v.staff, v.items)}
          <Tag color={v.confirmed ? 'green' : 'orange'}>{v.confirmed ? P.confirmed : P.unconfirmed}</Tag>
          {v.place}
        </List.Item>
      )}
    />
  );
}

export function SampleTab({ from, to }: { from: string; to: string }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [residents, setResidents] = useState(5);
  const [days, setDays] = useState(3);
  const [seed, setSeed] = useState(randomSeed);
  const [asked, setAsked] = useState<{ from: string; to: string; residents: number; days: number; seed: number } | null>(null);
  const input = asked && asked.from === from ? asked : null;
  const sample = useApiQuery('inspection.sample', input ?? { from, to, residents, days, seed }, { enabled: input !== null });
  const pack = useJob();
  const [exportError, setExportError] = useState<unknown>(null);
  const request = { from, to, residents, days, seed };

  const exportXlsx = async () => {
    setExportError(null);
    try {
      offerDownload(await call('inspection.sampleWorkbook', input ?? request));
    } catch (e) {
      setExportError(e);
    }
  };
  const makePack = async () => {
    // the sample on screen, once one is drawn, else the fields as they stand
    const done = await pack.run(() => call('inspection.evidencePack', input ?? request));
    if (!done) return;
    const file = done.result as FileDownload & { pages: number };
    offerDownload(file);
    void message.success(P.packDone(file.name, file.pages));
  };

  const v = sample.data;
  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <label htmlFor="sample-residents">{P.residents}</label>
        <InputNumber id="sample-residents" min={1} max={100} value={residents} onChange={(n) => setResidents(n ?? 5)} />
        <label htmlFor="sample-days">{P.days}</label>
        <InputNumber id="sample-days" min={1} max={31} value={days} onChange={(n) => setDays(n ?? 3)} />
        <label htmlFor="sample-seed">{P.seed}</label>
        <InputNumber id="sample-seed" min={0} max={2_147_483_647} value={seed} onChange={(n) => setSeed(n ?? 0)} style={{ width: 140 }} />
        <Button onClick={() => setSeed(randomSeed())}>{P.newSeed}</Button>
        {/* Busy shows on the table, not as a spinner in the button: its name stays 抽查 for screen readers. */}
        <Button type="primary" onClick={() => setAsked(request)} disabled={sample.isFetching}>
          {P.draw}
        </Button>
        <Button onClick={() => void exportXlsx()} disabled={!v}>
          {P.export}
        </Button>
        <Button onClick={() => void makePack()} loading={pack.running}>
          {P.pack}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">{P.packHint}</Typography.Paragraph>
      {pack.running && <JobProgress status={pack.status} testId="pack-progress" />}
      <ErrorAlert error={sample.error ?? exportError ?? pack.error} />
      {!v && sample.isFetching && <Skeleton active />}
      {v && v.pool === 0 && (
        <EmptyState
          testId="sample-empty"
          title={P.empty}
          hint={P.emptyHint}
          actions={[{ label: P.goClaims, primary: true, onClick: () => void navigate(`/claims?month=${from.slice(0, 7)}`) }]}
        />
      )}
      {v && v.pool > 0 && (
        <>
          <Alert type="info" showIcon title={P.note(v.pool, v.seed)} style={{ marginBottom: 12 }} data-testid="sample-note" />
          <Table<SampleRow>
            rowKey={(r) => `${r.date}-${r.resident}`}
            size="small"
            aria-label={P.table}
            loading={sample.isFetching}
            pagination={false}
            dataSource={v.rows}
            columns={[
              { title: P.col.date, dataIndex: 'date', width: 110 },
              {
                title: P.col.name,
                dataIndex: 'name',
                width: 170,
                render: (n: string, r) => {
                  const id = v.links.residents[r.resident];
                  const text = `${n}（${r.resident}）`;
                  return id === undefined ? text : <Link to={`/residents/${id}`}>{text}</Link>;
                },
              },
              { title: P.col.status, dataIndex: 'status', width: 130 },
              { title: P.col.bed, dataIndex: 'bed', width: 90, render: (b: string | null) => b ?? '—' },
              { title: P.col.claimed, dataIndex: 'claimed', width: 130 },
              { title: P.col.visits, render: (_: unknown, r) => <Visits row={r} /> },
            ]}
          />
        </>
      )}
    </>
  );
}
