/** A policy pack's numbers, read-only, in the administrator's words. */
import { Descriptions, Typography } from 'antd';
import { formatYuan } from '../../../../shared/domain/money';
import type { PolicyPack } from '../../../../shared/policy/pack';
import { S } from './strings';

const perLevel = (t: Partial<Record<string, number>>, fmt: (n: number) => string) =>
  Object.entries(t)
    .map(([lvl, n]) => S.pack.perLevel(lvl, fmt(n ?? 0)))
    .join('，');
const pct = (r: number) => `${Math.round(r * 100)}%`;

export function PackNumbers({ pack }: { pack: PolicyPack }) {
  const inst = pack.institutional;
  const home = pack.home;
  const homeText = !home
    ? S.pack.notPaid
    : home.model === 'hourly-quota'
      ? S.pack.homeHourly(perLevel(home.quotaHours, S.pack.hours), pct(home.fundRatio))
      : home.model === 'per-visit'
        ? S.pack.homePerVisit(
            home.visitFeeFen !== undefined ? formatYuan(home.visitFeeFen) : null,
            perLevel(home.visitsPerWeek, S.pack.times),
            home.visitsPerDay,
            home.copayFen !== undefined ? formatYuan(home.copayFen) : null,
            pct(home.fundRatio ?? 0),
          )
        : S.pack.homeCap(formatYuan(home.capFen), pct(home.fundRatio));
  return (
    <Descriptions bordered size="small" column={1} title={S.pack.title(pack.title, pack.id, pack.version)} data-testid="pack-numbers">
      <Descriptions.Item label={S.pack.levels}>{S.pack.levelsValue(pack.eligibleLevels.join('、'))}</Descriptions.Item>
      <Descriptions.Item label={S.pack.benefit}>
        {S.pack.benefitValue(pack.assessment.benefitStart === 'next-month', pack.assessment.validityMonths)}
      </Descriptions.Item>
      <Descriptions.Item label={S.pack.institutional}>
        {inst
          ? S.pack.institutionalValue(
              pct(inst.fundRatio),
              inst.capApplies === 'fund',
              perLevel(inst.dayCapFen, (f) => S.pack.yuan(formatYuan(f))),
              inst.leaveDaysBillablePerMonth,
            )
          : S.pack.notPaid}
      </Descriptions.Item>
      <Descriptions.Item label={S.pack.home}>{homeText}</Descriptions.Item>
      <Descriptions.Item label={S.pack.minVisit}>{S.pack.minutes(pack.minVisitMinutes)}</Descriptions.Item>
      <Descriptions.Item label={S.pack.reminders}>{S.pack.remindersValue(pack.reminderLeadDays.join(' / '))}</Descriptions.Item>
      {pack.assumptions.length > 0 && (
        <Descriptions.Item label={S.pack.assumptions}>
          {pack.assumptions.map((a) => (
            <Typography.Paragraph key={a} style={{ margin: 0 }}>
              {a}
            </Typography.Paragraph>
          ))}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={S.pack.source}>{pack.source}</Descriptions.Item>
    </Descriptions>
  );
}
