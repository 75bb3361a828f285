/**
 * 占用看板: for a chosen day, every bed grouped by floor with who holds it. A bed is held from the
 * admission to the discharge or death (算入不算出), also while its occupant is in hospital or on leave.
 */
import { Alert, Card, Col, Flex, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { BoardBed, Occupant } from '../../../../shared/api/beds';
import { useApiQuery } from '../../api/hooks';
import { DateInput } from '../../ui/DateInput';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SectionTitle } from '../../ui/headings';
import { OCCUPANT_COLORS, OCCUPANT_STATUS, S } from './strings';

function OccupantLine({ o }: { o: Occupant }) {
  return (
    <div>
      <Link to={`/residents/${o.residentId}`}>{o.name}</Link> <Tag color={OCCUPANT_COLORS[o.status]}>{OCCUPANT_STATUS[o.status]}</Tag>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {S.since(o.admittedOn)}
          {o.level !== null && ` · ${S.level(o.level)}`}
        </Typography.Text>
      </div>
    </div>
  );
}

function BedCard({ bed }: { bed: BoardBed }) {
  const occupied = bed.occupants.length > 0;
  const conflict = bed.occupants.length > 1;
  return (
    <Card
      size="small"
      role="group"
      aria-label={S.bedLabel(bed.code)}
      data-occupied={occupied}
      title={bed.code}
      extra={<Typography.Text type="secondary">{S.room(bed.room)}</Typography.Text>}
      style={{ borderColor: conflict ? '#ff4d4f' : occupied ? '#91caff' : '#b7eb8f', background: occupied ? '#f0f7ff' : '#f6ffed', height: '100%' }}
    >
      {occupied ? bed.occupants.map((o) => <OccupantLine key={o.residentId} o={o} />) : <Typography.Text type="success">{S.free}</Typography.Text>}
      {conflict && <Alert type="error" title={S.conflict} style={{ marginTop: 6 }} />}
      {bed.note && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
          {bed.note}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

export function BedBoardView({ date, onDate, onManage }: { date: string; onDate: (d: string) => void; onManage: () => void }) {
  const board = useApiQuery('beds.board', { date });
  const b = board.data;
  const floors = new Map<string, BoardBed[]>();
  for (const bed of b?.beds ?? []) floors.set(bed.floor ?? '', [...(floors.get(bed.floor ?? '') ?? []), bed]);

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="board-date">{S.date}</label>
        <DateInput id="board-date" allowClear={false} value={date} onChange={(d) => d && onDate(d)} />
      </Space>
      <ErrorAlert error={board.error} />
      {!b ? (
        <Skeleton active />
      ) : (
        <>
          <Flex gap={48} wrap style={{ marginBottom: 16 }} data-testid="bed-counts">
            <Statistic title={S.counts.total} value={b.counts.total} />
            <Statistic title={S.counts.occupied} value={b.counts.occupied} />
            <Statistic title={S.counts.away} value={b.counts.away} />
            <Statistic title={S.counts.free} value={b.counts.free} />
          </Flex>
          {b.unregistered.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={S.unregistered}
              description={b.unregistered.map((u) => `${u.code}（${u.occupants.map((o) => o.name).join('、')}）`).join('；')}
            />
          )}
          {b.unassigned.length > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={S.unassigned}
              description={
                <Space wrap>
                  {b.unassigned.map((o) => (
                    <Link key={o.residentId} to={`/residents/${o.residentId}?tab=events`}>
                      {o.name}
                    </Link>
                  ))}
                </Space>
              }
            />
          )}
          {b.beds.length === 0 && <EmptyState title={S.noBeds} hint={S.noBedsHint} actions={[{ label: S.goManage, primary: true, onClick: onManage }]} />}
          {[...floors].map(([floor, beds]) => (
            <section key={floor} aria-label={S.floor(floor || null)} style={{ marginBottom: 16 }}>
              <SectionTitle>{S.floor(floor || null)}</SectionTitle>
              <Row gutter={[12, 12]}>
                {beds.map((bed) => (
                  <Col key={bed.code} xs={12} md={8} lg={6} xl={4}>
                    <BedCard bed={bed} />
                  </Col>
                ))}
              </Row>
            </section>
          ))}
        </>
      )}
    </>
  );
}
