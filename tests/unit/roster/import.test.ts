/**
 * 花名册导入 end to end on real SQLite and real xlsx files: the template filled in, previewed,
 * committed; a bad row blocking; duplicates matched; all or nothing.
 */
import { describe, expect, it } from 'vitest';
import { idNumber } from '../../support/builders';
import { api, auditRows, freshDb } from '../staff/support';
import { excelDate, filledTemplate, upload, type Row } from './support';

const WANG = idNumber('1938-04-12', 1); // resident, institutional
const LI = idNumber('1942-09-30', 2); // resident, home care
const CHEN = idNumber('1985-06-15', 3); // nurse with two certificates (two rows)
const ZHOU = idNumber('1990-02-01', 4); // caregiver without a certificate
const BAD_CHECK = `${WANG.slice(0, 17)}${WANG[17] === '1' ? '2' : '1'}`;

const residents: Row[] = [
  {
    姓名: '王秀英',
    身份证号: WANG,
    参保类型: '城乡居民医保',
    评估等级: '4级 重度失能Ⅱ级',
    评估结论日期: excelDate('2026-08-20'),
    评估结论书编号: 'NB2026-0831',
    入住日期: '2026-10-10',
    护理方式: '机构',
    床位: '2-201-1',
  },
  {
    姓名: '李桂兰',
    身份证号: LI,
    参保类型: '职工医保',
    电话: '13800000000',
    地址: '江北区人民路1号',
    评估等级: 3,
    评估结论日期: '2026/8/5',
    入住日期: 46296,
    护理方式: '居家',
  },
];
const staff: Row[] = [
  {
    姓名: '陈淑霞',
    身份证号: CHEN,
    岗位: '护士',
    入职日期: excelDate('2024-03-01'),
    证书类型: '护士执业证书',
    证书编号: '202233012345',
    发证日期: '2022-07-01',
  },
  { 姓名: '陈淑霞', 身份证号: CHEN, 岗位: '护士', 证书类型: '长期照护师证书', 证书编号: 'CZ2025-000223', 证书等级: '初级', 发证日期: '2025/4/19' },
  { 姓名: '周建国', 身份证号: ZHOU, 岗位: '护理员', 入职日期: '2025-01-06' },
];

describe('the roster import', () => {
  it('takes the filled template through preview and commit: people, assessments, admissions and certificates', async () => {
    const db = freshDb();
    const { call } = api(db);
    const file = upload(await filledTemplate(db, { 服务对象: residents, 员工: staff }));

    const preview = await call('roster.preview', { file });
    expect(preview.errorRows).toBe(0);
    expect(preview.rows.map((r) => [r.sheetName, r.row, r.name, r.match])).toEqual([
      ['服务对象', 3, '王秀英', 'new'],
      ['服务对象', 4, '李桂兰', 'new'],
      ['员工', 3, '陈淑霞', 'new'],
      ['员工', 4, '陈淑霞', 'repeat'],
      ['员工', 5, '周建国', 'new'],
    ]);
    expect(preview.rows[0]!.idNumberMasked).toBe(`${WANG.slice(0, 6)}********${WANG.slice(-4)}`);
    expect(preview.rows[0]!.effects).toEqual(['新增服务对象', '评估结论：4级（重度失能Ⅱ级），2026-08-20', '入住：2026-10-10，机构护理，床位 2-201-1']);
    // Excel serial 46296 is 2026-10-01; 2026/8/5 is text in the other form the brief names.
    expect(preview.rows[1]!.effects).toEqual(['新增服务对象', '评估结论：3级（重度失能Ⅰ级），2026-08-05', '入住：2026-10-01，居家护理']);
    expect(preview.rows[3]!.matchNote).toBe('同第 3 行（同一人）');
    // A nurse licence without 有效期至 takes the 5-year registration, and says so.
    expect(preview.rows[2]!.issues).toEqual([{ severity: 'warning', column: '有效期至', message: '未填有效期至，按护士执业注册有效期5年计为 2027-06-30' }]);
    expect(preview.warningRows).toBe(1);
    // A preview stores nothing.
    expect(db.raw.prepare('SELECT count(*) FROM residents').pluck().get()).toBe(0);

    const summary = await call('roster.commit', { file });
    expect(summary).toEqual({
      residents: { added: 2, matched: 0 },
      assessments: { added: 2, skipped: 0 },
      admissions: { added: 2, skipped: 0 },
      staff: { added: 2, matched: 0 },
      certificates: { added: 2, skipped: 0 },
      importedRows: 5,
      excludedRows: 0,
    });
    expect(db.raw.prepare('SELECT name, insurance_type, phone FROM residents ORDER BY id').all()).toEqual([
      { name: '王秀英', insurance_type: 'resident', phone: null },
      { name: '李桂兰', insurance_type: 'employee', phone: '13800000000' },
    ]);
    expect(db.raw.prepare('SELECT type, date, mode, bed FROM stay_events ORDER BY id').all()).toEqual([
      { type: 'admit', date: '2026-10-10', mode: 'institutional', bed: '2-201-1' },
      { type: 'admit', date: '2026-10-01', mode: 'home', bed: null },
    ]);
    const chen = (await call('staff.list', { search: '陈淑霞' })).rows[0]!;
    expect(chen.role).toBe('nurse');
    expect(chen.employedFrom).toBe('2024-03-01');
    expect(chen.certificates.map((c) => [c.type, c.number, c.level, c.issuedOn, c.expiresOn])).toEqual([
      ['ltc-caregiver', 'CZ2025-000223', '初级', '2025-04-19', null],
      ['nurse-licence', '202233012345', null, '2022-07-01', '2027-06-30'],
    ]);
    const audit = auditRows(db, 'roster');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({
      file: '花名册.xlsx',
      summary,
      added: { residents: [{ name: '王秀英' }, { name: '李桂兰' }], staff: [{ name: '陈淑霞' }, { name: '周建国' }] },
    });
  });

  it('refuses the whole file while a row has an error, naming sheet, row and column in Chinese; excluding the row lets the rest in', async () => {
    const db = freshDb();
    const { call, raw } = api(db);
    const bad: Row = { 姓名: '赵大海', 身份证号: idNumber('1950-01-01', 9), 评估等级: '特级', 评估结论日期: '2026-02-30' };
    const file = upload(
      await filledTemplate(db, {
        服务对象: [residents[0]!, bad],
        员工: [{ 证书类型: '护士执业证书', 证书编号: 'N-9', 发证日期: '2024-01-01', 有效期至: '2023-12-31' }],
      }),
    );

    const preview = await call('roster.preview', { file });
    expect(preview.errorRows).toBe(2);
    const row4 = preview.rows.find((r) => r.sheet === 'residents' && r.row === 4)!;
    expect(row4.issues).toEqual([
      {
        severity: 'error',
        column: '评估等级',
        message: '“特级”不是可选的值，请从下拉列表选择：0级 基本正常、1级 轻度失能、2级 中度失能、3级 重度失能Ⅰ级、4级 重度失能Ⅱ级、5级 重度失能Ⅲ级',
      },
      { severity: 'error', column: '评估结论日期', message: '“2026-02-30”不是存在的日期（2026-02-30），请核对年月日' },
    ]);
    expect(row4.effects).toEqual([]);
    const staffRow = preview.rows.find((r) => r.sheet === 'staff')!;
    expect(staffRow.issues.map((i) => `${i.column}：${i.message}`)).toEqual([
      '姓名：必填：请填写姓名',
      '身份证号：必填：请填写18位身份证号',
      '有效期至：有效期至 2023-12-31 早于发证日期 2024-01-01，请核对',
    ]);

    const refused = await raw('roster.commit', { file });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: '还有 2 行有错误，未导入任何数据：请修改后重新上传，或勾选“排除有错误的行”' },
    });
    if (!refused.ok)
      expect(refused.error.problems).toContainEqual({
        path: '服务对象第4行「评估结论日期」',
        message: '“2026-02-30”不是存在的日期（2026-02-30），请核对年月日',
      });
    expect(db.raw.prepare('SELECT count(*) FROM residents').pluck().get()).toBe(0);
    expect(auditRows(db, 'roster')).toEqual([]);

    // Excluding only one of the two bad rows is still refused: the services judge the file, not the renderer.
    expect(await raw('roster.commit', { file, excludeRows: [{ sheet: 'residents', row: 4 }] })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('还有 1 行有错误') },
    });

    const summary = await call('roster.commit', {
      file,
      excludeRows: [
        { sheet: 'residents', row: 4 },
        { sheet: 'staff', row: 3 },
      ],
    });
    expect(summary).toMatchObject({ residents: { added: 1 }, staff: { added: 0 }, importedRows: 1, excludedRows: 2 });
    expect(db.raw.prepare('SELECT name FROM residents').pluck().all()).toEqual(['王秀英']);
    expect(JSON.parse(auditRows(db, 'roster')[0]!.after_json!).excludedRows).toEqual([
      { sheet: 'residents', row: 4 },
      { sheet: 'staff', row: 3 },
    ]);
  });

  it('treats a failing check character as a warning, and an ID number Excel stored as a number as an error', async () => {
    const db = freshDb();
    const { call } = api(db);
    const file = upload(
      await filledTemplate(db, {
        服务对象: [
          { 姓名: '王秀英', 身份证号: BAD_CHECK },
          { 姓名: '李桂兰', 身份证号: 330205194209300000 },
        ],
      }),
    );
    const preview = await call('roster.preview', { file });
    expect(preview.rows[0]!.issues).toEqual([
      { severity: 'warning', column: '身份证号', message: expect.stringMatching(/^身份证号校验码不符（最后一位应为.）.*仍可导入/) },
    ]);
    expect(preview.rows[1]!.issues[0]).toMatchObject({ severity: 'error', column: '身份证号', message: expect.stringContaining('被 Excel 存成了数字') });
    const summary = await call('roster.commit', { file, excludeRows: [{ sheet: 'residents', row: 4 }] });
    expect(summary.residents.added).toBe(1);
    expect(db.raw.prepare('SELECT id_number FROM residents').pluck().get()).toBe(BAD_CHECK);
  });

  it('matches people already stored by ID number (已存在): adds only new assessments and certificates, never duplicates', async () => {
    const db = freshDb();
    const { call } = api(db);
    await call('roster.commit', { file: upload(await filledTemplate(db, { 服务对象: residents, 员工: staff })) });

    const again = upload(
      await filledTemplate(db, {
        服务对象: [{ ...residents[0]!, 评估等级: '5级 重度失能Ⅲ级', 评估结论日期: '2026-11-02', 入住日期: null, 护理方式: null, 床位: null }, residents[1]!],
        员工: [...staff, { 姓名: '周建国', 身份证号: ZHOU, 证书类型: '养老护理员证书', 证书编号: 'YL-88', 证书等级: '四级/中级工', 发证日期: '2026-01-10' }],
      }),
    );
    const preview = await call('roster.preview', { file: again });
    expect(preview.errorRows).toBe(0);
    expect(preview.rows.map((r) => r.match)).toEqual(['existing', 'existing', 'existing', 'repeat', 'existing', 'repeat']);
    expect(preview.rows[0]!.matchNote).toMatch(/^已存在：王秀英（R\d{5}）$/);
    expect(preview.rows[1]!.effects).toEqual([
      '已存在：不改动其基本信息，只补充本行新的评估与入住',
      '已有 2026-08-05 的3级评估结论，不重复添加',
      '已有 2026-10-01 的入住记录，不重复添加',
    ]);
    const summary = await call('roster.commit', { file: again });
    expect(summary).toEqual({
      residents: { added: 0, matched: 2 },
      assessments: { added: 1, skipped: 1 },
      admissions: { added: 0, skipped: 1 },
      staff: { added: 0, matched: 2 },
      certificates: { added: 1, skipped: 2 },
      importedRows: 6,
      excludedRows: 0,
    });
    expect(db.raw.prepare('SELECT count(*) FROM residents').pluck().get()).toBe(2);
    expect(db.raw.prepare('SELECT count(*) FROM staff').pluck().get()).toBe(2);
    expect(db.raw.prepare('SELECT level FROM assessments ORDER BY id').pluck().all()).toEqual([4, 3, 5]);
  });

  it('refuses a same-number person under another name, in the file and against the database', async () => {
    const db = freshDb();
    const { call } = api(db);
    await call('staff.save', { name: '陈淑霞', idNumber: CHEN });
    const file = upload(
      await filledTemplate(db, { 服务对象: [residents[0]!, { ...residents[0]!, 姓名: '王秀兰' }], 员工: [{ 姓名: '陈淑华', 身份证号: CHEN }] }),
    );
    const preview = await call('roster.preview', { file });
    expect(preview.rows[1]!.issues).toEqual([
      { severity: 'error', column: '姓名', message: '与第 3 行的身份证号相同，但姓名不同（第 3 行为“王秀英”）：同一身份证号只能是同一人，请核对' },
    ]);
    expect(preview.rows[2]!.issues[0]!.message).toMatch(/^身份证号已登记为员工“陈淑霞”（S\d{4}），与本行姓名“陈淑华”不同：请核对身份证号或姓名$/);
  });

  it('refuses an admission that contradicts the stay already stored', async () => {
    const db = freshDb();
    const { call } = api(db);
    await call('roster.commit', { file: upload(await filledTemplate(db, { 服务对象: [residents[0]!] })) });
    const file = upload(await filledTemplate(db, { 服务对象: [{ ...residents[0]!, 入住日期: '2026-11-01' }] }));
    const row = (await call('roster.preview', { file })).rows[0]!;
    expect(row.issues).toEqual([{ severity: 'error', column: '入住日期', message: expect.stringContaining('与已登记的在住记录矛盾：') }]);
    expect(row.issues[0]!.message).toContain('尚未出院');
  });

  it('is all or nothing: a failure at the last insert leaves no person, no record and no audit entry', async () => {
    const db = freshDb();
    const { call, raw } = api(db);
    // A real SQLite refusal at the very end of the import (as a full disk or a constraint would be).
    db.raw.exec(
      "CREATE TRIGGER refuse_last BEFORE INSERT ON certificates WHEN NEW.number = 'CZ2025-000223' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END",
    );
    const file = upload(await filledTemplate(db, { 服务对象: residents, 员工: staff }));
    expect((await call('roster.preview', { file })).errorRows).toBe(0);
    const r = await raw('roster.commit', { file });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('simulated failure') } });
    for (const table of ['residents', 'assessments', 'stay_events', 'staff', 'certificates', 'audit_log']) {
      expect(db.raw.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
  });

  it('refuses a name holding an invisible character, in either sheet, as the forms and a dataset do (found by npm run faults)', async () => {
    const db = freshDb();
    const { call, raw } = api(db);
    // U+202E shows 赵玉兰 reversed on screen and paper; U+200B makes a second 周建国 that looks the same
    const file = upload(
      await filledTemplate(db, {
        服务对象: [{ 姓名: '赵玉\u202e兰', 身份证号: idNumber('1950-01-01', 9) }],
        员工: [{ 姓名: '周\u200b建国', 身份证号: ZHOU, 岗位: '护理员' }],
      }),
    );
    const preview = await call('roster.preview', { file });
    expect(preview.rows.map((r) => r.issues)).toEqual([
      [{ severity: 'error', column: '姓名', message: '姓名含有看不见的控制字符（U+202E，第 3 个字符），请删除后重新输入' }],
      [{ severity: 'error', column: '姓名', message: '姓名含有看不见的控制字符（U+200B，第 2 个字符），请删除后重新输入' }],
    ]);
    expect(await raw('roster.commit', { file })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(db.raw.prepare('SELECT (SELECT count(*) FROM residents) + (SELECT count(*) FROM staff)').pluck().get()).toBe(0);
  });

  it('refuses an invisible character in any text it brings in: a certificate number, an address (the fault suite’s last gap)', async () => {
    const db = freshDb();
    const { call, raw } = api(db);
    const file = upload(
      await filledTemplate(db, {
        服务对象: [{ 姓名: '赵玉兰', 身份证号: idNumber('1950-01-01', 9), 地址: '宁波市\u202e海曙区' }],
        员工: [{ 姓名: '周建国', 身份证号: ZHOU, 岗位: '护理员', 证书类型: '养老护理员', 证书编号: 'YL\u200b2020001', 发证日期: '2020-05-01' }],
      }),
    );
    const preview = await call('roster.preview', { file });
    expect(preview.rows.map((r) => r.issues)).toEqual([
      [{ severity: 'error', column: '地址', message: '地址含有看不见的控制字符（U+202E，第 4 个字符），请删除后重新输入' }],
      [{ severity: 'error', column: '证书编号', message: '证书编号含有看不见的控制字符（U+200B，第 3 个字符），请删除后重新输入' }],
    ]);
    expect(await raw('roster.commit', { file })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(db.raw.prepare('SELECT (SELECT count(*) FROM residents) + (SELECT count(*) FROM staff)').pluck().get()).toBe(0);
  });

  it('says in Chinese what is wrong with a file it cannot read', async () => {
    const db = freshDb();
    const { raw } = api(db);
    const notXlsx = await raw('roster.preview', { file: upload(Buffer.from('姓名,身份证号\n'), 'roster.csv') });
    expect(notXlsx).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: '“roster.csv”不是 Excel 工作簿（.xlsx）：请下载花名册模板，填写后上传' } });
    const empty = await raw('roster.preview', { file: upload(await filledTemplate(db, {})) });
    expect(empty).toMatchObject({ ok: false, error: { message: '文件里没有要导入的人员：请从模板第3行起填写，每人（或每张证书）一行' } });
  });
});
