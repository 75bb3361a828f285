import { describe, expect, it } from 'vitest';
import sample from '../../fixtures/sample-ningbo.json';
import { supplementaryClaim } from '../../../shared/claims/supplementary';
import type { HomeEvidence } from '../../../shared/claims/types';
import type { Dataset, Visit } from '../../../shared/domain/model';
import { claimFor } from '../../support/claimFor';

const base = () => structuredClone(sample) as Dataset;
const extraVisit = (ref: string, day: string, minutes = 60): Visit => ({
  ref,
  resident: 'r3',
  staff: 's1',
  start: `2026-10-${day}T14:00`,
  end: `2026-10-${day}T${String(14 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
  items: ['LC01'],
  confirmed: true,
});

describe('supplementary claim (补报)', () => {
  const submitted = claimFor(base(), '2026-10');

  it('claims only what records found after submission add: one more hour for 陈淑芬', () => {
    const later = base();
    later.visits.push(extraVisit('v7', '20'));
    const extra = supplementaryClaim(claimFor(later, '2026-10'), [submitted]);
    expect(extra.kind).toBe('supplementary');
    expect(extra.lines).toHaveLength(1);
    // 60 minutes at 60 yuan an hour, fund 80% (docs/rules.md §7, ningbo)
    expect(extra.lines[0]).toMatchObject({
      idNumber: '33020519410923006X',
      mode: 'home',
      coveredMinutes: 60,
      visits: 1,
      feeFen: 6000,
      fundFen: 4800,
      personalFen: 1200,
    });
    expect((extra.lines[0]?.evidence as HomeEvidence).counted).toEqual(['v7']);
    expect(extra.totals).toMatchObject({ persons: 1, feeFen: 6000, fundFen: 4800 });
  });

  it('has no lines when nothing new was recorded', () => {
    expect(supplementaryClaim(claimFor(base(), '2026-10'), [submitted]).lines).toEqual([]);
  });

  it('subtracts earlier supplementary claims too', () => {
    const later = base();
    later.visits.push(extraVisit('v7', '20'));
    const first = supplementaryClaim(claimFor(later, '2026-10'), [submitted]);
    later.visits.push(extraVisit('v8', '21', 90));
    const second = supplementaryClaim(claimFor(later, '2026-10'), [submitted, first]);
    expect(second.lines[0]).toMatchObject({ coveredMinutes: 90, feeFen: 9000, fundFen: 7200 });
  });

  it('never claims beyond the month quota: a quota already used up gives nothing more', () => {
    const full = base();
    for (let d = 1; d <= 20; d++) full.visits.push(extraVisit(`q${d}`, String(d).padStart(2, '0'), 60));
    const sent = claimFor(full, '2026-10');
    expect(sent.lines.find((l) => l.mode === 'home')?.coveredMinutes).toBe(1200);
    full.visits.push(extraVisit('late', '31'));
    expect(supplementaryClaim(claimFor(full, '2026-10'), [sent]).lines).toEqual([]);
  });

  it('reports CLAIM_REDUCED instead of a negative line when a correction lowers the month', () => {
    const fewer = base();
    fewer.visits = fewer.visits.filter((v) => v.ref !== 'v2');
    const extra = supplementaryClaim(claimFor(fewer, '2026-10'), [submitted]);
    expect(extra.lines).toEqual([]);
    expect(extra.issues.filter((i) => i.code === 'CLAIM_REDUCED').map((i) => i.idNumber)).toEqual(['33020519410923006X']);
  });

  it('reports CLAIM_REDUCED when a correction removes a person’s line altogether', () => {
    // every October visit of 陈淑芬 (r3) deleted after submission: she has no line any more
    const none = base();
    none.visits = none.visits.filter((v) => v.resident !== 'r3');
    const now = claimFor(none, '2026-10');
    expect(now.lines.some((l) => l.idNumber === '33020519410923006X')).toBe(false);
    const extra = supplementaryClaim(now, [submitted]);
    expect(extra.lines).toEqual([]);
    const reduced = extra.issues.filter((i) => i.code === 'CLAIM_REDUCED');
    expect(reduced.map((i) => [i.idNumber, i.severity])).toEqual([['33020519410923006X', 'warning']]);
    expect(reduced[0]?.message).toContain('本月已不再有可结算的上门服务');
  });
});
