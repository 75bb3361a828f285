/**
 * How much of a home-care client's monthly limit is used, as the claim counts it (HomeQuotaUse, from
 * the services): hours against the quota, counted visits of a week against its limit, or the fee
 * against the monthly cap. Shown by the visit form (the month with the visit being typed) and by the
 * client's page (this month so far), in the same words.
 */
import { Progress, Typography } from 'antd';
import type { HomeQuotaUse } from '../../../shared/api/visits';
import { formatYuan } from '../../../shared/domain/money';
import { S } from './strings';

const hours = (minutes: number): string => (minutes / 60).toFixed(1);

/** One line: `已用 28.0 / 30 小时`, `本周已计 3 / 5 次`, `本月费用 1,800.00 / 2,100.00 元`. */
export function quotaText(q: HomeQuotaUse, withVisit: boolean): { text: string; used: number; limit: number; over: string | null } {
  const with_ = withVisit ? S.quota.withVisit : '';
  if (q.model === 'hourly-quota') {
    const over = q.usedMinutes > q.quotaMinutes ? S.quota.hoursOver(hours(q.usedMinutes - q.quotaMinutes)) : null;
    return {
      text: S.quota.hours(q.month, q.level, hours(q.usedMinutes), hours(q.quotaMinutes).replace(/\.0$/, ''), with_),
      used: q.usedMinutes,
      limit: q.quotaMinutes,
      over,
    };
  }
  if (q.model === 'per-visit') {
    const over = q.monthOver > 0 ? S.quota.visitsOver(q.monthOver) : null;
    return {
      text: S.quota.visits(q.week, q.level, q.weekCounted, q.visitsPerWeek, with_, q.visitsPerDay, q.monthCounted),
      used: q.weekCounted,
      limit: q.visitsPerWeek,
      over,
    };
  }
  const over = q.feeFen > q.capFen ? S.quota.feeOver : null;
  return { text: S.quota.fee(q.month, q.level, formatYuan(q.feeFen), formatYuan(q.capFen), with_), used: q.feeFen, limit: q.capFen, over };
}

export function QuotaUse({ quota, withVisit = false }: { quota: HomeQuotaUse; withVisit?: boolean }) {
  const { text, used, limit, over } = quotaText(quota, withVisit);
  const percent = limit > 0 ? Math.min(100, Math.round((used / limit) * 100)) : 100;
  return (
    <div data-testid="quota-use">
      <Typography.Text>{text}</Typography.Text>
      <Progress
        percent={percent}
        size="small"
        status={over || used > limit ? 'exception' : 'normal'}
        showInfo={false}
        aria-label={text}
        style={{ marginBottom: 0 }}
      />
      {over && <Typography.Text type="danger">{over}</Typography.Text>}
    </div>
  );
}
