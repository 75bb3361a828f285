import { describe, expect, it } from 'vitest';
import expected from '../../fixtures/sample-ningbo.expected-2026-10.json';
import sample from '../../fixtures/sample-ningbo.json';
import type { Dataset } from '../../../shared/domain/model';
import { claimFor } from '../../support/claimFor';
import { claimSchemaErrors } from '../../support/claimSchema';
import { compareClaims } from '../../support/compareClaims';

describe('the sample institution, October 2026 (hand-checked expected claim)', () => {
  const claim = claimFor(sample as Dataset, '2026-10');

  it('matches the expected totals, lines and issue codes exactly', () => {
    expect(compareClaims(expected, claim)).toEqual([]);
  });

  it('is a valid ltc-claim v1 document', () => {
    expect(claimSchemaErrors(claim)).toEqual([]);
  });

  it('records the pack it was computed with', () => {
    expect(claim.policy.id).toBe('ningbo-2022');
    expect(claim.policy.version).toBeTruthy();
  });

  it('explains every issue in Chinese', () => {
    for (const issue of claim.issues) expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
