/**
 * 本月支付标准 on the summary: the unit rates the claim was computed with, per care mode and level (the
 * institution's fee, the fund's ratio, its limit, and what a bed-day, an hour or a visit pays), and the
 * formulas of docs/rules.md §6.3 and §7.2 in words, so that a clerk can recompute any line by hand.
 * The fees are the price list frozen with the claim's records; the ratios and limits the claim's pack.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { splitBedDay, splitPerVisit } from '../../../shared/claims/payment';
import { applyRate, formatYuan } from '../../../shared/domain/money';
import type { CareMode, Prices } from '../../../shared/domain/model';
import { forLevel, type PolicyPack } from '../../../shared/policy/pack';
import { levelLabel, modeLabel } from './format';
import type { PackageData } from './packageData';
import { cell } from './pdfBase';
import { TABLE } from './tableLayouts';

const NOT_SET = '未设置';
const percent = (rate: number) => `${Math.round(rate * 10000) / 100}%`;
const yuanPer = (fen: number | undefined, unit: string) => (fen === undefined ? NOT_SET : `${formatYuan(fen)} 元/${unit}`);

/** One row: mode, level, fee, fund ratio, limit, fund a unit, personal a unit. */
type RateRow = [string, string, string, string, string, string, string];

function institutionalRows(pack: PolicyPack, prices: Prices): RateRow[] {
  const m = pack.institutional;
  if (!m) return [];
  return pack.eligibleLevels.map((level): RateRow => {
    const fee = forLevel(prices.dailyFeeFen ?? {}, level);
    const cap = forLevel(m.dayCapFen, level);
    const limit =
      cap === undefined ? '不设限额' : m.capApplies === 'fund' ? `基金每床日最高 ${formatYuan(cap)} 元` : `收费计入每床日最高 ${formatYuan(cap)} 元`;
    const day = fee === undefined ? undefined : splitBedDay(fee, cap, m);
    return [
      modeLabel('institutional'),
      levelLabel(level),
      yuanPer(fee, '床日'),
      percent(m.fundRatio),
      limit,
      yuanPer(day?.fundFen, '床日'),
      yuanPer(day?.personalFen, '床日'),
    ];
  });
}

function homeRows(pack: PolicyPack, prices: Prices): RateRow[] {
  const h = pack.home;
  if (!h) return [];
  const mode = modeLabel('home');
  return pack.eligibleLevels.map((level): RateRow => {
    if (h.model === 'per-visit') {
      const fee = prices.visitFeeFen ?? h.visitFeeFen;
      const pay = h.copayFen !== undefined ? `个人每次自付 ${formatYuan(h.copayFen)} 元` : percent(h.fundRatio ?? 0);
      const visit = fee === undefined ? undefined : splitPerVisit(1, fee, h);
      const limit = `每周 ${forLevel(h.visitsPerWeek, level) ?? 0} 次，每日 ${h.visitsPerDay} 次`;
      return [mode, levelLabel(level), yuanPer(fee, '次'), pay, limit, yuanPer(visit?.fundFen, '次'), yuanPer(visit?.personalFen, '次')];
    }
    const fee = prices.hourlyFeeFen;
    const fund = fee === undefined ? undefined : applyRate(fee, h.fundRatio);
    const limit = h.model === 'hourly-quota' ? `每月 ${forLevel(h.quotaHours, level) ?? 0} 小时` : `基金计算基数每月最高 ${formatYuan(h.capFen)} 元`;
    return [
      mode,
      levelLabel(level),
      yuanPer(fee, '小时'),
      percent(h.fundRatio),
      limit,
      yuanPer(fund, '小时'),
      yuanPer(fee === undefined || fund === undefined ? undefined : fee - fund, '小时'),
    ];
  });
}

/** How a line is computed, per mode, in words (rounding half up to the fen where the rules round). */
function formulas(pack: PolicyPack, modes: readonly CareMode[]): string[] {
  const out: string[] = [];
  const m = pack.institutional;
  if (modes.includes('institutional') && m) {
    out.push(
      m.capApplies === 'fund'
        ? '机构护理：每床日基金支付 = 收费标准 × 基金支付比例（四舍五入到分），超过基金每床日限额的按限额；基金支付 = 计费床日 × 每床日基金支付；个人负担 = 费用 − 基金支付。'
        : '机构护理：每床日基金支付 = 收费标准（超过限额的按限额）× 基金支付比例（四舍五入到分）；基金支付 = 计费床日 × 每床日基金支付；个人负担 = 费用 − 基金支付。',
    );
  }
  const h = pack.home;
  if (modes.includes('home') && h) {
    if (h.model === 'hourly-quota') {
      out.push(
        '居家护理：计费分钟 = 有效服务分钟（超过每月限额小时 × 60 的按限额）；费用 = 计费分钟 × 每小时收费 ÷ 60（四舍五入到分）；基金支付 = 费用 × 基金支付比例（四舍五入到分）；个人负担 = 费用 − 基金支付。限额不结转到下月。',
      );
    } else if (h.model === 'per-visit') {
      out.push(
        h.copayFen !== undefined
          ? '居家护理：费用 = 计入次数 × 每次收费；基金支付 = 费用 − 计入次数 × 个人每次自付；个人负担 = 费用 − 基金支付。每日、每周超出次数的服务不计入。'
          : '居家护理：费用 = 计入次数 × 每次收费；基金支付 = 费用 × 基金支付比例（四舍五入到分）；个人负担 = 费用 − 基金支付。每日、每周超出次数的服务不计入。',
      );
    } else {
      out.push(
        '居家护理：费用 = 有效服务分钟 × 每小时收费 ÷ 60（四舍五入到分）；基金支付 = 费用（超过每月基金计算基数上限的按上限）× 基金支付比例（四舍五入到分）；个人负担 = 费用 − 基金支付。',
      );
    }
  }
  return out;
}

/** The rates section's content: the modes the claim has lines in (every mode the pack pays when it has none). */
export function ratesContent(data: PackageData): Content[] {
  const pack = data.pack;
  if (!pack) return [{ text: '本次申报所用政策版本已不随本程序提供，支付标准以经办机构公布的为准。' }];
  const claimed = (['institutional', 'home'] as const).filter((m) => data.claim.lines.some((l) => l.mode === m));
  const modes: CareMode[] = claimed.length > 0 ? claimed : ['institutional', 'home'];
  const prices = data.settings.prices;
  const rows = [...(modes.includes('institutional') ? institutionalRows(pack, prices) : []), ...(modes.includes('home') ? homeRows(pack, prices) : [])];
  if (rows.length === 0) return [{ text: '本政策不支付本次申报的护理方式。' }];
  const th = (t: string) => cell(t, { style: 'th' });
  const body: TableCell[][] = [
    ['护理方式', '失能等级', '收费标准', '基金支付比例', '基金支付限额', '基金支付标准', '个人负担标准'].map(th),
    ...rows.map((r): TableCell[] => r.map((t, i) => cell(t, i >= 2 ? { alignment: i === 4 ? 'left' : 'right' } : {}))),
  ];
  return [
    { table: { headerRows: 1, widths: [40, 74, 62, 52, '*', 62, 62], body }, layout: TABLE.grid, fontSize: 7.5, lineHeight: 1 },
    ...formulas(pack, modes).map((t): Content => ({ text: t, style: 'note', lineHeight: 1.05, margin: [0, 2, 0, 0] })),
  ];
}
