/**
 * A dataset file (ltc import, ltc check --dataset, the demo, the bench) is refused when it holds what
 * has not happened yet (issue 14), each problem naming its record; a record ON today is fine. The
 * shipped sample and the generators stay importable. Today is given, never the machine's.
 */
import { describe, expect, it } from 'vitest';
import { serviceToday } from '../../../electron/services/db/clock';
import { validateDataset } from '../../../electron/services/dataset/validateDataset';
import { generateDemoDataset } from '../../../electron/services/demo/generateDemo';
import { INSTITUTION } from '../../bench/common';
import { idNumber } from '../../support/builders';
import type { Dataset } from '../../../shared/domain/model';
import { sample } from './helpers';

const problems = (d: Dataset, today: string) => {
  const r = validateDataset(d, today);
  return r.ok ? [] : r.problems;
};

describe('dates after today in a dataset file', () => {
  it('names each record dated after today: a visit, a stay event, an assessment, a birth date', () => {
    const d = sample();
    d.visits.push({ ref: 'v9', resident: 'r3', staff: 's1', start: '2026-12-15T09:00', end: '2026-12-15T10:00', items: ['LC01'], confirmed: true });
    d.residents[1]!.events.push({ type: 'hospital', date: '2027-01-05' });
    d.residents[2]!.assessments.push({ level: 4, concludedOn: '2027-03-10' });
    d.staff[0]!.idNumber = idNumber('2099-12-31', 5);
    expect(problems(d, '2026-12-06')).toEqual([
      {
        path: 'residents[1].events[1].date',
        message: '服务对象 r2（李建国）：住院日期 2027-01-05 晚于今天（2026-12-06）：入住记录只登记已经发生的住院，请核对日期，到当天再登记',
      },
      {
        path: 'residents[2].assessments[1].concludedOn',
        message: expect.stringMatching(/^服务对象 r3（陈淑芬）：评估结论日期 2027-03-10 晚于今天（2026-12-06）/),
      },
      { path: 'staff[0].idNumber', message: expect.stringMatching(/^工作人员 s1（施银萍）：身份证号中的出生日期2099-12-31晚于今天（2026-12-06）/) },
      { path: 'visits[6].start', message: '服务记录 v9（陈淑芬）：开始时间 2026-12-15 09:00 晚于今天（2026-12-06）：不能录入尚未发生的服务，请核对日期' },
    ]);
    // on the day itself, all of it has happened (except the unborn)
    expect(problems(d, '2027-03-10').map((p) => p.path)).toEqual(['staff[0].idNumber']);
  });

  it('keeps the sample (October 2026), the demo and the bench institution importable', () => {
    expect(problems(sample(), '2026-10-31')).toEqual([]);
    // the demo is made for the day it is made (today, as the services read it)
    expect(problems(generateDemoDataset(), serviceToday())).toEqual([]);
    expect(problems(generateDemoDataset({ ...INSTITUTION, homeClients: 30, institutionalResidents: 5, months: 2 }), '2026-12-06')).toEqual([]);
  });
});
