/** What the command line tells a person on stderr (stdout stays for data scripts consume). */
import { SEVERITY_TITLES, type Severity } from '../../shared/claims/issueCodes';
import type { Claim } from '../../shared/claims/types';
import { formatYuan } from '../../shared/domain/money';
import type { Problem } from '../services/errors';

export function claimSummary(c: Claim): string {
  const count = (s: Severity) => c.issues.filter((i) => i.severity === s).length;
  const t = c.totals;
  const issues = (['error', 'warning', 'info'] as const).map((s) => `${SEVERITY_TITLES[s]} ${count(s)}`).join('，');
  return `${c.month} 结算（${c.policy.id} ${c.policy.version}）：${t.persons} 人，床日 ${t.billableDays}，服务 ${t.coveredMinutes} 分钟，费用 ${formatYuan(t.feeFen)} 元，基金支付 ${formatYuan(t.fundFen)} 元，个人负担 ${formatYuan(t.personalFen)} 元；${issues}`;
}

export function problemLines(problems: readonly Problem[], max = 200): string {
  const lines = problems.slice(0, max).map((p) => `  - ${p.path ? `${p.path}: ` : ''}${p.message}`);
  if (problems.length > max) lines.push(`  … 另有 ${problems.length - max} 处问题`);
  return lines.join('\n');
}
