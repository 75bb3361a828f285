/**
 * The institution's price list (机构价格表) checked as the services receive it, whatever face it came
 * through: every price a whole number of fen, not negative. The screens and the input schema say the
 * same earlier; this is the last word before it is stored.
 */
import type { Prices } from './model';

export interface PriceProblem {
  path: string;
  message: string;
}

const LABELS = { hourlyFeeFen: '居家护理每小时收费', visitFeeFen: '居家上门每次收费' } as const;

function check(path: string, label: string, value: unknown): PriceProblem | null {
  if (value === undefined) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) return { path, message: `${label}应为金额（数字）` };
  if (value < 0) return { path, message: `${label}不能为负数（现为 ${value / 100} 元）` };
  if (!Number.isInteger(value)) return { path, message: `${label}应精确到分（元最多两位小数）` };
  return null;
}

export function priceProblems(prices: Prices): PriceProblem[] {
  const out: (PriceProblem | null)[] = Object.entries(prices.dailyFeeFen ?? {}).map(([level, fen]) =>
    check(`prices.dailyFeeFen.${level}`, `${level}级日护理费`, fen),
  );
  for (const key of ['hourlyFeeFen', 'visitFeeFen'] as const) out.push(check(`prices.${key}`, LABELS[key], prices[key]));
  return out.filter((p): p is PriceProblem => p !== null);
}
