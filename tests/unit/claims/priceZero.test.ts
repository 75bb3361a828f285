/**
 * A price of 0 for units that are billed (issue 14, major 3): -50 typed as the hourly fee became 0.00 and
 * November billed 1,800 minutes at ¥0.00 with no issue. Billable days, covered minutes or counted visits
 * at a zero price now raise the error PRICE_ZERO and are not claimed (as with PRICE_MISSING, which is
 * kept for a price never entered). Prices and rules: tests/support/builders.ts (80/90/100 yuan a day,
 * 60 yuan an hour) and docs/rules.md §6, §7 and §11.
 */
import { describe, expect, it } from 'vitest';
import { ISSUE_SEVERITY, ISSUE_TITLES } from '../../../shared/claims/issueCodes';
import type { Claim } from '../../../shared/claims/types';
import { admit, assessed, caregiverCert, dataset, institution, resident, staff, visit } from '../../support/builders';
import { claimFor } from '../../support/claimFor';
import { claimSchemaErrors } from '../../support/claimSchema';

const codes = (c: Claim, code: string) => c.issues.filter((i) => i.code === code);
const prices = { dailyFeeFen: { '3': 8000, '4': 0, '5': 10000 }, hourlyFeeFen: 6000, visitFeeFen: 5000 };

/** a home client of level 5 with three one-hour confirmed visits in October */
function homeClient(pricesOver: object, policy = 'ningbo-2022') {
  const client = resident('h1', [assessed(5, '2026-01-10')], [admit('2026-02-01', 'home')]);
  const carer = staff('s1', [caregiverCert()]);
  const visits = ['2026-10-05', '2026-10-12', '2026-10-19'].map((d, i) => visit(`v${i + 1}`, 'h1', 's1', `${d}T09:00`, `${d}T10:00`));
  return dataset({ institution: institution({ policy, prices: { ...prices, ...pricesOver } }), residents: [client], staff: [carer], visits });
}

describe('billable units at a zero price (PRICE_ZERO)', () => {
  it('is a new, stable error code with a Chinese title', () => {
    expect(ISSUE_SEVERITY.PRICE_ZERO).toBe('error');
    expect(ISSUE_TITLES.PRICE_ZERO).toBe('收费标准为0');
    // the product's earlier extensions keep their meaning
    expect([ISSUE_SEVERITY.PRICE_MISSING, ISSUE_SEVERITY.CLAIM_REDUCED]).toEqual(['error', 'warning']);
  });

  it('bed-days: a level whose daily fee is 0 gets no line and an error naming the fee; other levels are paid', () => {
    const zero = resident('r4', [assessed(4, '2026-01-10')], [admit('2026-02-01')]);
    const paid = resident('r5', [assessed(5, '2026-01-10')], [admit('2026-02-01')]);
    const c = claimFor(dataset({ institution: institution({ prices }), residents: [zero, paid] }), '2026-10');
    expect(c.lines.map((l) => [l.resident, l.billableDays, l.feeFen])).toEqual([['r5', 31, 310000]]);
    const [issue] = codes(c, 'PRICE_ZERO');
    expect(codes(c, 'PRICE_ZERO')).toHaveLength(1);
    expect(issue).toMatchObject({ severity: 'error', resident: 'r4', date: '2026-10-01', dateTo: '2026-10-31' });
    expect(issue?.message).toContain('机构护理日护理费（4级）为0元');
    expect(issue?.message).toContain('31个床日');
    expect(codes(c, 'PRICE_MISSING')).toEqual([]);
    expect(claimSchemaErrors(c)).toEqual([]);
  });

  it('hourly quota (Ningbo): minutes at 0 an hour are not claimed', () => {
    const c = claimFor(homeClient({ hourlyFeeFen: 0 }), '2026-10');
    expect(c.lines).toEqual([]);
    expect(codes(c, 'PRICE_ZERO')).toEqual([
      expect.objectContaining({ severity: 'error', resident: 'h1', message: expect.stringContaining('居家护理小时收费（5级）为0元') }),
    ]);
    expect(codes(c, 'PRICE_ZERO')[0]?.message).toContain('180分钟');
  });

  it('monthly cap (Tianjin) and per visit (Shanghai) alike', () => {
    const tianjin = claimFor(homeClient({ hourlyFeeFen: 0 }, 'tianjin'), '2026-10');
    expect(tianjin.lines).toEqual([]);
    expect(codes(tianjin, 'PRICE_ZERO')).toHaveLength(1);
    const shanghai = claimFor(homeClient({ visitFeeFen: 0 }, 'shanghai-home'), '2026-10');
    expect(shanghai.lines).toEqual([]);
    expect(codes(shanghai, 'PRICE_ZERO')[0]?.message).toContain('居家上门每次收费（5级）为0元');
    expect(codes(shanghai, 'PRICE_ZERO')[0]?.message).toContain('3次上门服务');
  });

  it('says nothing about a zero price nobody is billed at', () => {
    const c = claimFor(homeClient({ dailyFeeFen: { '3': 0, '4': 0, '5': 0 } }), '2026-10');
    expect(codes(c, 'PRICE_ZERO')).toEqual([]);
    expect(c.lines).toHaveLength(1);
  });
});
