/**
 * 计划与实际: the month's planned visits matched with the recorded ones (up to yesterday): missed and
 * unplanned visits listed, and counted per caregiver and per client.
 */
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import type { PlanVsDone } from '../../../../shared/api/plans';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PAGER } from '../../ui/pagination';
import { S } from './strings';

const C = S.compare;

export function CompareTab({ month }: { month: string }) {
  const q = useApiQuery('plans.compare', { month });
  const d = q.data;
  const tally = [
    { title: C.col.planned, dataIndex: 'planned', key: 'planned', width: 80 },
    { title: C.col.matched, dataIndex: 'matched', key: 'matched', width: 80 },
    {
      title: C.col.missed,
      dataIndex: 'missed',
      key: 'missed',
      width: 80,
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
    {
      title: C.col.unplanned,
      dataIndex: 'unplanned',
      key: 'unplanned',
      width: 80,
      render: (n: number) => (n > 0 ? <Typography.Text type="warning">{n}</Typography.Text> : n),
    },
  ];
  return (
    <>
      <ErrorAlert error={q.error} />
      <Typography.Paragraph type="secondary">{C.hint}</Typography.Paragraph>
      {d && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={8}>
              <Card>
                <Statistic title={C.matched} value={d.matched} suffix={C.times} />
              </Card>
            </Col>
            <Col span={8}>
              <Card data-testid="plan-missed-count">
                <Statistic title={C.missed} value={d.missed.length} suffix={C.times} valueStyle={{ color: d.missed.length ? '#cf1322' : undefined }} />
              </Card>
            </Col>
            <Col span={8}>
              <Card>
                <Statistic title={C.unplanned} value={d.unplanned.length} suffix={C.times} valueStyle={{ color: d.unplanned.length ? '#d46b08' : undefined }} />
              </Card>
            </Col>
          </Row>
          <Card title={C.missedList} size="small" style={{ marginBottom: 16 }}>
            <Table<PlanVsDone['missed'][number]>
              rowKey="plannedId"
              size="small"
              data-testid="plan-missed"
              locale={{ emptyText: C.none }}
              pagination={PAGER}
              dataSource={d.missed}
              columns={[
                { title: C.col.date, dataIndex: 'date', key: 'date' },
                { title: C.col.start, dataIndex: 'start', key: 'start' },
                { title: C.col.client, dataIndex: 'residentName', key: 'client' },
                { title: C.col.caregiver, dataIndex: 'staffName', key: 'staff', render: (v: string | null) => v ?? S.schedule.unassigned },
              ]}
            />
          </Card>
          <Card title={C.unplannedList} size="small" style={{ marginBottom: 16 }}>
            <Table<PlanVsDone['unplanned'][number]>
              rowKey="visitRef"
              size="small"
              data-testid="plan-unplanned"
              locale={{ emptyText: C.none }}
              pagination={PAGER}
              dataSource={d.unplanned}
              columns={[
                { title: C.col.ref, dataIndex: 'visitRef', key: 'ref' },
                { title: C.col.date, dataIndex: 'date', key: 'date' },
                { title: C.col.start, dataIndex: 'start', key: 'start' },
                { title: C.col.client, dataIndex: 'residentName', key: 'client' },
                { title: C.col.caregiver, dataIndex: 'staffName', key: 'staff' },
              ]}
            />
          </Card>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card title={C.byStaff} size="small">
                <Table<PlanVsDone['byStaff'][number]>
                  rowKey="staffId"
                  size="small"
                  pagination={PAGER}
                  dataSource={d.byStaff}
                  columns={[{ title: C.col.name, dataIndex: 'name', key: 'name' }, ...tally]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={C.byClient} size="small">
                <Table<PlanVsDone['byClient'][number]>
                  rowKey="residentId"
                  size="small"
                  pagination={PAGER}
                  dataSource={d.byClient}
                  columns={[{ title: C.col.name, dataIndex: 'name', key: 'name' }, ...tally]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
