/** 抽查: a sampled admission, discharge or death day says so in its status (issue 11: every bed-day view). */
import { describe, expect, it } from 'vitest';
import { sampleRows, type SampleFacts } from '../../../shared/inspection/sampling';
import type { Resident } from '../../../shared/domain/model';

const wang: Resident = {
  ref: 'r1',
  name: '王秀英',
  idNumber: '330205193804120028',
  events: [
    { type: 'admit', date: '2026-10-10', mode: 'institutional', bed: '2-201-1' },
    { type: 'hospital', date: '2026-10-15' },
    { type: 'return', date: '2026-10-18' },
    { type: 'discharge', date: '2026-10-25' },
  ],
} as Resident;
const li: Resident = {
  ref: 'r2',
  name: '李建国',
  idNumber: '330205194501010037',
  events: [
    { type: 'admit', date: '2026-01-05', mode: 'institutional' },
    { type: 'death', date: '2026-10-20' },
  ],
} as Resident;

const facts = {
  residents: new Map([wang, li].map((r) => [r.ref, r])),
  staffNames: new Map(),
  claims: new Map(),
  visits: [],
  homes: new Map(),
} as unknown as SampleFacts;

describe('the sample’s day status', () => {
  it('labels the admission (counted), discharge and death days (not counted, docs/rules.md §6.2)', () => {
    const rows = sampleRows({ residents: ['r1', 'r2'], days: ['2026-10-10', '2026-10-15', '2026-10-20', '2026-10-25'] }, facts);
    const status = (ref: string, date: string) => rows.find((r) => r.resident === ref && r.date === date)?.status;
    expect(status('r1', '2026-10-10')).toBe('在院（入院当日）');
    expect(status('r1', '2026-10-15')).toBe('住院');
    expect(status('r1', '2026-10-25')).toBe('不在服务期（出院当日）');
    expect(status('r2', '2026-10-15')).toBe('在院');
    expect(status('r2', '2026-10-20')).toBe('不在服务期（死亡当日）');
    expect(status('r2', '2026-10-25')).toBe('不在服务期');
  });
});
