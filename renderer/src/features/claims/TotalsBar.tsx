import { Card, Col, Row, Statistic } from 'antd';
import type { ClaimTotals } from '../../../../shared/claims/types';
import { formatYuan } from '../../../../shared/domain/money';
import { S } from './strings';

/**
 * The month's totals in the administrator's units: persons, bed-days, hours, yuan (two decimals).
 * `testId` names the bar and its values: the month's own bar is `total-…`; a 补报's or a withdrawn
 * claim's bar (in its tab) has its own, so each is found on its own.
 */
export function TotalsBar({ totals, testId = 'total' }: { totals: ClaimTotals; testId?: string }) {
  const items: [key: string, title: string, value: string | number][] = [
    ['persons', S.totals.persons, totals.persons],
    ['billableDays', S.totals.billableDays, totals.billableDays],
    ['hours', S.totals.hours, (totals.coveredMinutes / 60).toFixed(2)],
    ['visits', S.totals.visits, totals.visits],
    ['fee', S.totals.fee, formatYuan(totals.feeFen)],
    ['fund', S.totals.fund, formatYuan(totals.fundFen)],
    ['personal', S.totals.personal, formatYuan(totals.personalFen)],
  ];
  return (
    <Card data-testid={testId === 'total' ? 'claim-totals' : `${testId}s`} size={testId === 'total' ? 'default' : 'small'}>
      <Row gutter={16}>
        {items.map(([key, title, value]) => (
          <Col key={key} flex="1 1 120px" data-testid={`${testId}-${key}`}>
            <Statistic title={title} value={value} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
