/** A large institution's roster (2,000 residents, 2,000 staff rows) previews and imports in seconds. */
import { expect, it } from 'vitest';
import { addDays } from '../../../shared/domain/dates';
import { idNumber } from '../../support/builders';
import { api, freshDb } from '../staff/support';
import { filledTemplate, upload, type Row } from './support';

/** Distinct valid numbers: the builder's serial has three digits, so the birth date moves every 400. */
const nth = (birth: string, i: number): string => idNumber(addDays(birth, Math.floor(i / 400)), i % 400);

it('previews and imports 4,000 rows in one transaction', async () => {
  const db = freshDb();
  const { call } = api(db);
  const residents: Row[] = Array.from({ length: 2000 }, (_, i) => ({
    姓名: `对象${i}`,
    身份证号: nth('1940-01-01', i),
    评估等级: 4,
    评估结论日期: '2026-08-20',
    入住日期: '2026-10-01',
    护理方式: i % 2 ? '居家' : '机构',
    床位: i % 2 ? null : `B-${i}`,
  }));
  const staff: Row[] = Array.from({ length: 2000 }, (_, i) => ({
    姓名: `员工${i}`,
    身份证号: nth('1985-01-01', i),
    岗位: '护理员',
    证书类型: '养老护理员证书',
    证书编号: `YL-${i}`,
    发证日期: '2024-01-01',
  }));
  const file = upload(await filledTemplate(db, { 服务对象: residents, 员工: staff }));

  const preview = await call('roster.preview', { file });
  expect(preview.rows).toHaveLength(4000);
  expect(preview.errorRows).toBe(0);
  const summary = await call('roster.commit', { file });
  expect(summary).toMatchObject({ residents: { added: 2000 }, staff: { added: 2000 }, certificates: { added: 2000 } });
}, 60_000);
