/** The 60/30/7-day expiry badge of assessments and certificates. */
import { Tag } from 'antd';

export function ExpiryTag({ daysLeft }: { daysLeft: number }) {
  if (daysLeft < 0) return <Tag color="red">已过期 {-daysLeft} 天</Tag>;
  if (daysLeft <= 7) return <Tag color="red">{daysLeft} 天内到期</Tag>;
  if (daysLeft <= 30) return <Tag color="orange">{daysLeft} 天内到期</Tag>;
  if (daysLeft <= 60) return <Tag color="gold">{daysLeft} 天内到期</Tag>;
  return null;
}
