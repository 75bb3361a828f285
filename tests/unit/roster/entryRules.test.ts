/**
 * The roster import refuses, row by row, what the forms refuse (issue 14): an admission or a
 * conclusion dated after today, an ID number born after today, a phone number that is not one.
 */
import { describe, expect, it } from 'vitest';
import { idNumber } from '../../support/builders';
import { pinToday } from '../../support/today';
import { api, freshDb } from '../staff/support';
import { filledTemplate, upload, type Row } from './support';

describe('the roster import at entry', () => {
  it('marks each row with what has not happened yet or is no phone number, under its column', async () => {
    pinToday('2026-12-06');
    const db = freshDb();
    const { call } = api(db);
    const rows: Row[] = [
      { 姓名: '王秀英', 身份证号: idNumber('1938-04-12', 1), 电话: '地址', 评估等级: 4, 评估结论日期: '2027-03-10', 入住日期: '2027-01-05', 护理方式: '居家' },
      { 姓名: '未出生', 身份证号: idNumber('2099-12-31', 2) },
      {
        姓名: '李桂兰',
        身份证号: idNumber('1942-09-30', 3),
        电话: '0574-87654321',
        评估等级: 3,
        评估结论日期: '2026-12-06',
        入住日期: '2026-12-06',
        护理方式: '居家',
      },
    ];
    const preview = await call('roster.preview', { file: upload(await filledTemplate(db, { 服务对象: rows })) });
    const issues = (row: number) => preview.rows.find((r) => r.row === row)!.issues.map((i) => [i.severity, i.column, i.message]);
    expect(issues(3)).toEqual([
      ['error', '电话', expect.stringMatching(/^联系电话“地址”不是电话号码/)],
      ['error', '评估结论日期', expect.stringMatching(/^评估结论日期 2027-03-10 晚于今天（2026-12-06）/)],
      ['error', '入住日期', expect.stringMatching(/^入住日期 2027-01-05 晚于今天（2026-12-06）/)],
    ]);
    expect(issues(4)).toEqual([['error', '身份证号', expect.stringContaining('出生日期2099-12-31晚于今天')]]);
    // today itself has happened
    expect(issues(5)).toEqual([]);
  });
});
