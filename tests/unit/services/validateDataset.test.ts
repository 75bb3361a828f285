import { describe, expect, it } from 'vitest';
import { formatProblems, validateDataset, type DatasetProblem } from '../../../electron/services/dataset/validateDataset';
import type { Dataset } from '../../../shared/domain/model';
import { sample } from './helpers';

const CHINESE = /[\u4e00-\u9fff]/;

/** The problems of a modified sample; fails the test if the file was accepted. */
function problemsOf(change: (d: Dataset) => void): DatasetProblem[] {
  const d = sample();
  change(d);
  const r = validateDataset(d);
  if (r.ok) throw new Error('expected the dataset to be refused');
  for (const p of r.problems) expect(p.message).toMatch(CHINESE);
  return r.problems;
}

function expectAccepted(change: (d: Dataset) => void): void {
  const d = sample();
  change(d);
  const r = validateDataset(d);
  expect(r.ok ? [] : r.problems).toEqual([]);
}

/** Exactly one problem, at `path`, whose message matches. */
function expectOne(change: (d: Dataset) => void, path: string, message: RegExp): void {
  const problems = problemsOf(change);
  expect(problems).toEqual([{ path, message: expect.stringMatching(message) }]);
}

describe('validateDataset: accepted', () => {
  it('accepts the sample fixture and returns it', () => {
    const r = validateDataset(sample());
    expect(r).toEqual({ ok: true, dataset: sample() });
  });

  it('does not refuse what the claim judges', () => {
    expectAccepted((d) => {
      d.residents[0]!.idNumber = '330205193804120029'; // wrong check digit: BAD_ID_NUMBER is the claim's
      d.staff[1]!.idNumber = '12345'; // malformed too
      d.visits[3]!.end = '2026-10-16T09:05'; // 5 minutes: VISIT_TOO_SHORT
      d.visits[0]!.end = d.visits[0]!.start; // zero minutes: kept, judged as too short
      d.visits[1]!.confirmed = false; // VISIT_UNCONFIRMED
      d.visits.push({ ...d.visits[1]!, ref: 'v7', start: '2026-10-09T09:30', end: '2026-10-09T10:00' }); // VISIT_OVERLAP
      d.staff[0]!.certificates = []; // CERT_INVALID
      d.staff[1]!.certificates[0]!.expiresOn = '2026-01-31'; // expired before the visits
      d.residents[3]!.assessments.push({ level: 0, concludedOn: '2026-09-01' }); // any level is recorded
      d.residents[2]!.assessments = []; // NO_ASSESSMENT
      d.institution.uscc = '91350100M000100Y44'; // bad USCC check: a warning elsewhere, never refused
    });
  });

  it('accepts events listed out of date order when their dates make a possible stay', () => {
    expectAccepted((d) => {
      d.residents[0]!.events.reverse();
    });
  });

  it('keeps file order for the same date: admit and hospital on one day', () => {
    expectAccepted((d) => {
      d.residents[0]!.events = [
        { type: 'admit', date: '2026-10-10', mode: 'institutional' },
        { type: 'hospital', date: '2026-10-10' },
        { type: 'return', date: '2026-10-12' },
        { type: 'leave', date: '2026-10-14' },
        { type: 'discharge', date: '2026-10-16' },
        { type: 'admit', date: '2026-11-01', mode: 'home' },
        { type: 'death', date: '2026-11-20' },
      ];
    });
  });
});

describe('validateDataset: schema problems', () => {
  it('reports a missing field at its readable path', () => {
    expectOne((d) => delete (d.visits[3] as Partial<Dataset['visits'][number]>).end, 'visits[3].end', /缺少必填项“end”/);
  });

  it('reports a malformed time with what to write', () => {
    expectOne((d) => (d.visits[2]!.start = '2026/10/12 15:00'), 'visits[2].start', /YYYY-MM-DDTHH:mm/);
  });

  it('reports a region that is not 6 digits', () => {
    expectOne((d) => (d.institution.region = '3302'), 'institution.region', /6位数字/);
  });

  it('reports unknown fields, wrong types and values outside an enum', () => {
    const problems = problemsOf((d) => {
      (d.visits[0] as unknown as Record<string, unknown>).signature = 'x';
      (d.residents[1]!.assessments[0] as unknown as Record<string, unknown>).level = '5';
      (d.residents[0]!.events[1] as unknown as Record<string, unknown>).type = 'transfer';
      (d.institution.prices.dailyFeeFen as Record<string, number>)['6'] = 100;
    });
    expect(problems.map((p) => p.path).sort()).toEqual(
      ['institution.prices.dailyFeeFen["6"]', 'residents[0].events[1].type', 'residents[1].assessments[0].level', 'visits[0].signature'].sort(),
    );
  });

  it('refuses something that is not a dataset at all', () => {
    const r = validateDataset({ hello: 'world' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['format', 'institution', 'residents', 'hello']));
  });
});

describe('validateDataset: semantic problems, one kind each', () => {
  it('duplicate resident ref', () => {
    expectOne(
      (d) => {
        d.residents[1]!.ref = 'r1';
        for (const v of d.visits) if (v.resident === 'r2') v.resident = 'r1';
      },
      'residents[1].ref',
      /编号“r1”与 residents\[0\] 重复/,
    );
  });

  it('duplicate staff ref', () => {
    expectOne(
      (d) => {
        d.staff[1]!.ref = 's1';
        for (const v of d.visits) v.staff = 's1';
      },
      'staff[1].ref',
      /编号“s1”与 staff\[0\] 重复/,
    );
  });

  it('duplicate visit ref', () => {
    expectOne((d) => (d.visits[4]!.ref = 'v2'), 'visits[4].ref', /编号“v2”与 visits\[1\] 重复/);
  });

  it('the same ID number twice among residents', () => {
    expectOne((d) => (d.residents[3]!.idNumber = d.residents[0]!.idNumber), 'residents[3].idNumber', /身份证号与 residents\[0\]/);
  });

  it('a visit of an unknown resident', () => {
    expectOne((d) => (d.visits[3]!.resident = 'r9'), 'visits[3].resident', /找不到编号为“r9”的服务对象/);
  });

  it('a visit by unknown staff', () => {
    expectOne((d) => (d.visits[0]!.staff = 's7'), 'visits[0].staff', /找不到编号为“s7”的工作人员/);
  });

  it('impossible dates wherever a date is', () => {
    const problems = problemsOf((d) => {
      d.residents[0]!.assessments[0]!.concludedOn = '2026-02-30';
      d.residents[1]!.events[0]!.date = '2026-13-05';
      d.staff[0]!.certificates[0]!.issuedOn = '2025-04-31';
      d.staff[1]!.employedFrom = '2023-02-29';
    });
    expect(problems).toEqual([
      { path: 'residents[0].assessments[0].concludedOn', message: expect.stringMatching(/“2026-02-30”不是真实存在的日期/) },
      { path: 'residents[1].events[0].date', message: expect.stringMatching(/“2026-13-05”不是真实存在的日期/) },
      { path: 'staff[0].certificates[0].issuedOn', message: expect.stringMatching(/“2025-04-31”/) },
      { path: 'staff[1].employedFrom', message: expect.stringMatching(/“2023-02-29”/) },
    ]);
  });

  it('impossible times', () => {
    const problems = problemsOf((d) => {
      d.visits[0]!.start = '2026-10-02T25:00';
      d.visits[1]!.end = '2026-10-09T10:60';
      d.visits[2]!.start = '2026-02-30T09:00';
    });
    expect(problems.map((p) => p.path)).toEqual(['visits[0].start', 'visits[1].end', 'visits[2].start']);
    expect(problems[0]!.message).toMatch(/“2026-10-02T25:00”不是有效的时间/);
  });

  it('a visit that ends before it starts', () => {
    expectOne((d) => (d.visits[3]!.end = '2026-10-16T08:50'), 'visits[3].end', /^结束时间早于开始时间，请核对/);
  });

  it('a certificate that expires before it was issued', () => {
    expectOne((d) => (d.staff[1]!.certificates[0]!.expiresOn = '2022-06-30'), 'staff[1].certificates[0].expiresOn', /早于发证日期 2022-07-01/);
  });

  it('employment that ends before it begins', () => {
    expectOne(
      (d) => {
        d.staff[0]!.employedFrom = '2024-03-01';
        d.staff[0]!.employedTo = '2024-02-29';
      },
      'staff[0].employedTo',
      /离职日期 2024-02-29 早于入职日期 2024-03-01/,
    );
  });

  it('an item code not in the catalogue of the institution’s pack', () => {
    expectOne((d) => (d.visits[2]!.items = ['MC09', 'XX99']), 'visits[2].items[1]', /服务项目代码“XX99”不在.*interim-42/);
  });

  it('an unknown policy pack', () => {
    expectOne((d) => (d.institution.policy = 'hangzhou-2030'), 'institution.policy', /未知的政策包“hangzhou-2030”.*ningbo-2022/);
  });

  it('admit without a mode', () => {
    expectOne((d) => delete d.residents[1]!.events[0]!.mode, 'residents[1].events[0].mode', /缺少服务方式/);
  });

  it('a second admit while a stay is open', () => {
    expectOne((d) => d.residents[1]!.events.push({ type: 'admit', date: '2026-06-01', mode: 'home' }), 'residents[1].events[1]', /尚未出院/);
  });

  it('hospital without an open stay', () => {
    expectOne((d) => d.residents[1]!.events.push({ type: 'hospital', date: '2025-12-20' }), 'residents[1].events[1]', /住院（2025-12-20）时没有在住的入住记录/);
  });

  it('leave while already in hospital', () => {
    expectOne((d) => d.residents[0]!.events.splice(2, 0, { type: 'leave', date: '2026-10-16' }), 'residents[0].events[2]', /住院（2026-10-15）尚未返院/);
  });

  it('return without an open hospital stay or leave', () => {
    expectOne((d) => d.residents[1]!.events.push({ type: 'return', date: '2026-03-01' }), 'residents[1].events[1]', /没有未结束的住院或请假/);
  });

  it('discharge without an open stay', () => {
    expectOne((d) => d.residents[0]!.events.push({ type: 'discharge', date: '2026-10-28' }), 'residents[0].events[4]', /没有未结束的入住/);
  });

  it('anything after death, even later on the same day', () => {
    const problems = problemsOf((d) => {
      d.residents[1]!.events.push({ type: 'death', date: '2026-07-01' }, { type: 'discharge', date: '2026-07-01' });
      d.residents[2]!.events.push({ type: 'death', date: '2026-09-01' }, { type: 'admit', date: '2026-09-05', mode: 'home' });
    });
    expect(problems).toEqual([
      { path: 'residents[1].events[2]', message: expect.stringMatching(/2026-07-01 已登记死亡，其后不能再有出院/) },
      { path: 'residents[2].events[2]', message: expect.stringMatching(/2026-09-01 已登记死亡，其后不能再有入住/) },
    ]);
  });

  it('death during a hospital stay is allowed and ends the timeline', () => {
    expectAccepted((d) => {
      d.residents[0]!.events = [
        { type: 'admit', date: '2026-10-10', mode: 'institutional' },
        { type: 'hospital', date: '2026-10-15' },
        { type: 'death', date: '2026-10-17' },
      ];
    });
  });
});

describe('validateDataset: many problems at once', () => {
  it('lists every problem, not only the first', () => {
    const problems = problemsOf((d) => {
      d.visits[0]!.resident = 'nobody';
      d.visits[1]!.end = '2026-10-09T08:00';
      d.visits[2]!.items.push('ZZ01');
      d.visits[5]!.ref = 'v1';
      d.staff[0]!.certificates[0]!.expiresOn = '2024-01-01';
      d.residents[2]!.events.push({ type: 'return', date: '2026-06-01' });
      d.residents[3]!.assessments[0]!.concludedOn = '2026-04-31';
    });
    expect(problems.map((p) => p.path).sort()).toEqual(
      [
        'residents[2].events[1]',
        'residents[3].assessments[0].concludedOn',
        'staff[0].certificates[0].expiresOn',
        'visits[0].resident',
        'visits[1].end',
        'visits[2].items[2]',
        'visits[5].ref',
      ].sort(),
    );
  });

  it('formats one line per problem: path, colon, message', () => {
    const text = formatProblems([
      { path: 'visits[3].end', message: '结束时间早于开始时间，请核对（开始 2026-10-16T09:00，结束 2026-10-16T08:50）' },
      { path: '', message: '不是 JSON 文件' },
    ]);
    expect(text.split('\n')).toEqual([
      'visits[3].end: 结束时间早于开始时间，请核对（开始 2026-10-16T09:00，结束 2026-10-16T08:50）',
      '(整个文件): 不是 JSON 文件',
    ]);
  });
});
