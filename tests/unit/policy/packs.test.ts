import { describe, expect, it } from 'vitest';
import ningbo from '../../../resources/policies/ningbo-2022.json';
import { parsePolicyPack } from '../../../shared/policy/pack';
import { findCatalogue, findPolicyPack, listPolicyPacks } from '../../../shared/policy/registry';

describe('shipped policy packs (docs/rules.md §11)', () => {
  it('ships the four packs, each with an id and a version, ningbo-2022 among them', () => {
    expect(
      listPolicyPacks()
        .map((p) => p.id)
        .sort(),
    ).toEqual(['nantong', 'ningbo-2022', 'shanghai-home', 'tianjin']);
    for (const p of listPolicyPacks()) expect(p.version).toMatch(/\S/);
  });

  it('holds the Ningbo numbers', () => {
    const p = findPolicyPack('ningbo-2022')!;
    expect(p.eligibleLevels).toEqual([3, 4, 5]);
    expect(p.assessment).toMatchObject({ benefitStart: 'next-month', validityMonths: 24 });
    expect(p.institutional).toMatchObject({ fundRatio: 0.7, capApplies: 'fund', dayCapFen: { '3': 4000, '4': 5000, '5': 6000 }, leaveDaysBillablePerMonth: 0 });
    expect(p.home).toMatchObject({ model: 'hourly-quota', quotaHours: { '3': 20, '4': 25, '5': 30 }, fundRatio: 0.8 });
    expect(p.minVisitMinutes).toBe(30);
  });

  it('holds the Shanghai, Nantong and Tianjin numbers', () => {
    expect(findPolicyPack('shanghai-home')).toMatchObject({
      institutional: null,
      minVisitMinutes: 60,
      home: { model: 'per-visit', visitFeeFen: 6500, fundRatio: 0.9, visitsPerWeek: { '3': 3, '4': 5, '5': 7 } },
    });
    expect(findPolicyPack('nantong')).toMatchObject({ eligibleLevels: [2, 3, 4, 5], institutional: null, home: { model: 'per-visit', copayFen: 500 } });
    expect(findPolicyPack('tianjin')).toMatchObject({
      institutional: { fundRatio: 0.7, capApplies: 'fee' },
      home: { model: 'monthly-cap', capFen: 210000, fundRatio: 0.75 },
    });
  });

  it('marks the product’s own readings (†) in the pack file', () => {
    expect(findPolicyPack('shanghai-home')!.assumptions.join('')).toContain('†');
    expect(findPolicyPack('nantong')!.assumptions.join('')).toContain('†');
  });

  it('ships the interim 42-item catalogue: 27 daily-life, 15 medical', () => {
    const c = findCatalogue('interim-42')!;
    expect(c.items.filter((i) => i.class === 'daily-life')).toHaveLength(27);
    expect(c.items.filter((i) => i.class === 'medical')).toHaveLength(15);
  });

  it('refuses a pack file with a wrong number, naming the field', () => {
    expect(() => parsePolicyPack({ ...ningbo, institutional: { ...ningbo.institutional, fundRatio: 7 } }, 'x.json')).toThrow(/institutional\.fundRatio/);
    expect(() => parsePolicyPack({ ...ningbo, eligibleLevels: [] }, 'x.json')).toThrow(/eligibleLevels/);
    expect(() => parsePolicyPack({ ...ningbo, home: { model: 'per-visit', visitsPerWeek: {}, visitsPerDay: 1 } }, 'x.json')).toThrow(/fundRatio or copayFen/);
  });
});
