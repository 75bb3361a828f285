/** The 60/30/7-day expiry badge of assessments and certificates. */
import { Tag } from 'antd';
import { S } from './strings';

export function ExpiryTag({ daysLeft }: { daysLeft: number }) {
  if (daysLeft < 0) return <Tag color="red">{S.expired(-daysLeft)}</Tag>;
  if (daysLeft <= 7) return <Tag color="red">{S.expiresIn(daysLeft)}</Tag>;
  if (daysLeft <= 30) return <Tag color="orange">{S.expiresIn(daysLeft)}</Tag>;
  if (daysLeft <= 60) return <Tag color="gold">{S.expiresIn(daysLeft)}</Tag>;
  return null;
}
