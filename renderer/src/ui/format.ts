/**
 * Counts and hours as the claim screen shows them (antd's Statistic groups digits): 1,140 bed-days,
 * 764.82 hours. Every screen that repeats a claim's figures uses these, so 报表 says what 月度结算 says.
 */
export const formatCount = (n: number): string => n.toLocaleString('en-US');

/** minutes → hours, two decimals, grouped: 45889 → "764.82" */
export const formatHours = (minutes: number): string => (minutes / 60).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
