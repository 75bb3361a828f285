/**
 * The payment formulas of docs/rules.md §6.3 and §7.2, as pure functions of integers. Rounding is
 * half up to the fen at exactly the step the formulas name, nowhere else.
 */
import { applyRate, feeForMinutes } from '../domain/money';
import type { Fen } from '../domain/model';
import type { InstitutionalModel } from '../policy/pack';

export interface Split {
  feeFen: Fen;
  fundFen: Fen;
  personalFen: Fen;
}

/**
 * One billable bed-day. Cap on the fund (Ningbo): fundDay = min(round(fee × ratio), cap).
 * Cap on the fee (Tianjin): fundDay = round(min(fee, cap) × ratio). No cap for a level: no limit.
 */
export function splitBedDay(dailyFeeFen: Fen, capFen: Fen | undefined, model: Pick<InstitutionalModel, 'fundRatio' | 'capApplies'>): Split {
  let fundFen: Fen;
  if (model.capApplies === 'fund') {
    const share = applyRate(dailyFeeFen, model.fundRatio);
    fundFen = capFen === undefined ? share : Math.min(share, capFen);
  } else {
    fundFen = applyRate(capFen === undefined ? dailyFeeFen : Math.min(dailyFeeFen, capFen), model.fundRatio);
  }
  return { feeFen: dailyFeeFen, fundFen, personalFen: dailyFeeFen - fundFen };
}

/** Hourly quota (Ningbo home care): minutes beyond the month's quota are not claimed. */
export function splitHourlyQuota(validMinutes: number, quotaMinutes: number, hourlyFeeFen: Fen, fundRatio: number): Split & { coveredMinutes: number } {
  const coveredMinutes = Math.min(validMinutes, quotaMinutes);
  const feeFen = feeForMinutes(coveredMinutes, hourlyFeeFen);
  const fundFen = applyRate(feeFen, fundRatio);
  return { coveredMinutes, feeFen, fundFen, personalFen: feeFen - fundFen };
}

/** Per visit (Shanghai: fund ratio; Nantong: a fixed copay a visit). */
export function splitPerVisit(counted: number, visitFeeFen: Fen, pay: { fundRatio?: number; copayFen?: Fen }): Split {
  const feeFen = counted * visitFeeFen;
  const fundFen = pay.copayFen !== undefined ? Math.max(0, feeFen - counted * pay.copayFen) : applyRate(feeFen, pay.fundRatio ?? 0);
  return { feeFen, fundFen, personalFen: feeFen - fundFen };
}

/** Monthly cap on the fee (Tianjin home care): all valid minutes charged, the fund's base capped. */
export function splitMonthlyCap(validMinutes: number, hourlyFeeFen: Fen, capFen: Fen, fundRatio: number): Split {
  const feeFen = feeForMinutes(validMinutes, hourlyFeeFen);
  const fundFen = applyRate(Math.min(feeFen, capFen), fundRatio);
  return { feeFen, fundFen, personalFen: feeFen - fundFen };
}
