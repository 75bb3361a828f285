/** A policy pack's numbers, read-only, in the administrator's words. */
import { Descriptions, Typography } from 'antd';
import { formatYuan } from '../../../../shared/domain/money';
import type { PolicyPack } from '../../../../shared/policy/pack';

const perLevel = (t: Partial<Record<string, number>>, fmt: (n: number) => string) =>
  Object.entries(t)
    .map(([lvl, n]) => `${lvl}级 ${fmt(n ?? 0)}`)
    .join('，');
const pct = (r: number) => `${Math.round(r * 100)}%`;

export function PackNumbers({ pack }: { pack: PolicyPack }) {
  const inst = pack.institutional;
  const home = pack.home;
  const homeText = !home
    ? '不支付'
    : home.model === 'hourly-quota'
      ? `按小时定额：每月 ${perLevel(home.quotaHours, (h) => `${h} 小时`)}；基金支付 ${pct(home.fundRatio)}`
      : home.model === 'per-visit'
        ? `按次：${home.visitFeeFen !== undefined ? `每次 ${formatYuan(home.visitFeeFen)} 元，` : ''}每周至多 ${perLevel(home.visitsPerWeek, (n) => `${n} 次`)}，每天至多 ${home.visitsPerDay} 次；${home.copayFen !== undefined ? `个人每次负担 ${formatYuan(home.copayFen)} 元` : `基金支付 ${pct(home.fundRatio ?? 0)}`}`
        : `每月费用限额 ${formatYuan(home.capFen)} 元，基金支付 ${pct(home.fundRatio)}`;
  return (
    <Descriptions bordered size="small" column={1} title={`${pack.title}（${pack.id} 版本 ${pack.version}）`} data-testid="pack-numbers">
      <Descriptions.Item label="支付等级">{pack.eligibleLevels.join('、')} 级</Descriptions.Item>
      <Descriptions.Item label="待遇起始 / 有效期">
        {pack.assessment.benefitStart === 'next-month' ? '评估结论次月1日起' : '评估结论当日起'}，有效 {pack.assessment.validityMonths} 个月
      </Descriptions.Item>
      <Descriptions.Item label="机构护理">
        {inst
          ? `基金支付日护理费的 ${pct(inst.fundRatio)}，${inst.capApplies === 'fund' ? '基金日支付限额' : '日费用限额'} ${perLevel(inst.dayCapFen, (f) => `${formatYuan(f)} 元`)}；每月可计费请假 ${inst.leaveDaysBillablePerMonth} 天`
          : '不支付'}
      </Descriptions.Item>
      <Descriptions.Item label="居家护理">{homeText}</Descriptions.Item>
      <Descriptions.Item label="最短上门时长">{pack.minVisitMinutes} 分钟</Descriptions.Item>
      <Descriptions.Item label="到期提醒">{pack.reminderLeadDays.join(' / ')} 天前</Descriptions.Item>
      {pack.assumptions.length > 0 && (
        <Descriptions.Item label="本产品的解读（†）">
          {pack.assumptions.map((a) => (
            <Typography.Paragraph key={a} style={{ margin: 0 }}>
              {a}
            </Typography.Paragraph>
          ))}
        </Descriptions.Item>
      )}
      <Descriptions.Item label="依据">{pack.source}</Descriptions.Item>
    </Descriptions>
  );
}
