/**
 * Prices are money: a negative or a non-number is refused with the field named, in Chinese, through
 * every way in (issue 14, major 3: "-50" as the hourly fee was saved as 0.00). The call's input schema
 * (the window and the host), the service itself, and a dataset (`ltc import` / `ltc check`: the same
 * validator, and exit 1 in tests/unit/cli/withdraw.test.ts).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../../electron/services/dataset/validateDataset';
import { openDatabase } from '../../../electron/services/db/database';
import { InputError } from '../../../electron/services/errors';
import { getInstitution, saveInstitution } from '../../../electron/services/institution/institutionService';
import type { InstitutionInput } from '../../../shared/api/institution';
import type { Institution } from '../../../shared/domain/model';
import { api } from '../claimflow/support';
import { sample, tempDir, track } from './helpers';

const base: InstitutionInput = {
  name: '颐康护理院',
  uscc: '91350100M000100Y43',
  agencyCode: 'H33020500008',
  region: '330205',
  policy: 'ningbo-2022',
  prices: { hourlyFeeFen: 6000 },
};
const emptyDb = () => track(openDatabase(path.join(tempDir(), 'prices.db')));

describe('prices refused when they are not amounts', () => {
  it('the save call names the field: negative, not a number, a third decimal', async () => {
    const db = emptyDb();
    const save = (prices: object) => api(db).raw('institution.save', { ...base, prices } as InstitutionInput);
    const message = async (prices: object) => {
      const r = await save(prices);
      return r.ok ? 'saved' : r.error.message;
    };
    expect(await message({ hourlyFeeFen: -5000 })).toContain('居家护理每小时收费不能为负数');
    expect(await message({ visitFeeFen: 'abc' })).toContain('居家上门每次收费应为金额');
    expect(await message({ dailyFeeFen: { '4': 9000.5 } })).toContain('4级日护理费应精确到分');
    expect(await message({ dailyFeeFen: { '3': -1 } })).toContain('3级日护理费不能为负数');
    expect(getInstitution(db)).toBeNull();
    expect(await message({ hourlyFeeFen: 0, dailyFeeFen: { '4': 9000 } })).toBe('saved');
  });

  it('the service refuses them too, whoever calls it', () => {
    const db = emptyDb();
    const bad = { ...base, prices: { hourlyFeeFen: -5000, dailyFeeFen: { '5': Number.NaN } } } as Institution;
    const err = (() => {
      try {
        saveInstitution(db, bad, 't');
      } catch (e) {
        return e as InputError;
      }
      throw new Error('saved');
    })();
    expect(err).toBeInstanceOf(InputError);
    expect(err.problems).toEqual([
      { path: 'prices.dailyFeeFen.5', message: '5级日护理费应为金额（数字）' },
      { path: 'prices.hourlyFeeFen', message: '居家护理每小时收费不能为负数（现为 -50 元）' },
    ]);
    expect(getInstitution(db)).toBeNull();
  });

  it('a dataset names the field and says it is money', () => {
    const d = sample();
    d.institution.prices.hourlyFeeFen = -5000;
    (d.institution.prices.dailyFeeFen as Record<string, unknown>)['3'] = 'abc';
    const r = validateDataset(d);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.problems).toEqual([
      { path: 'institution.prices.dailyFeeFen["3"]', message: '金额应为以分为单位的整数，例如 6000 表示 60.00 元（现为“abc”）' },
      { path: 'institution.prices.hourlyFeeFen', message: '金额不能为负数（现为-5000分）' },
    ]);
  });
});
