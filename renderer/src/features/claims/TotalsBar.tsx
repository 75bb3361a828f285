import { Card, Col, Row, Statistic } from 'antd';
import type { ClaimTotals } from '../../../../shared/claims/types';
import { formatYuan } from '../../../../shared/domain/money';

/** The month's totals in the administrator's units: persons, bed-days, hours, yuan. */
export function TotalsBar({ totals }: { totals: ClaimTotals }) {
  const items: [string, string | number][] = [
    ['结算人数', totals.persons],
    ['床日', totals.billableDays],
    ['服务时长（小时）', (totals.coveredMinutes / 60).toFixed(2)],
    ['上门次数', totals.visits],
    ['费用合计（元）', formatYuan(totals.feeFen)],
    ['基金支付（元）', formatYuan(totals.fundFen)],
    ['个人负担（元）', formatYuan(totals.personalFen)],
  ];
  return (
    <Card data-testid="claim-totals">
      <Row gutter={16}>
        {items.map(([title, value]) => (
          <Col key={title} flex="1 1 120px">
            <Statistic title={title} value={value} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
