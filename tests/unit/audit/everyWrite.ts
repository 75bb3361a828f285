/**
 * Every kind of write the services audit, made once on the sample institution through the real
 * dispatcher (and the claim lifecycle's own functions, whose calls are jobs): what the 审计日志 screen
 * must be able to show in Chinese. A new audited write belongs here too.
 */
import path from 'node:path';
import { createHash } from 'node:crypto';
import { createDispatcher } from '../../../electron/services/api/dispatch';
import type { ServiceContext } from '../../../electron/services/api/context';
import { handlers } from '../../../electron/services/api/registry';
import { submitMonth, submitSupplementary } from '../../../electron/services/claims/lifecycle';
import type { PackageBuilder } from '../../../electron/services/claims/packageTypes';
import { applyResult } from '../../../electron/services/claims/results';
import { exportDataset } from '../../../electron/services/dataset/exportDataset';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { openDatabase, type LtcDatabase } from '../../../electron/services/db/database';
import type { InputOf, MethodName, OutputOf } from '../../../shared/api/contract';
import { idNumber } from '../../support/builders';
import { filledTemplate, upload as rosterUpload } from '../roster/support';
import { sample, tempDir, track } from '../services/helpers';

const ACTOR = '李会计';

/** A package of one small file: the trail records names and SHA-256s, not what the PDFs look like. */
const tinyPackage: PackageBuilder = async ({ claim }) => {
  const bytes = new TextEncoder().encode(JSON.stringify(claim.totals));
  return [{ name: 'claim.json', bytes, sha256: createHash('sha256').update(bytes).digest('hex') }];
};

export async function databaseWithEveryWrite(): Promise<LtcDatabase> {
  const db = track(openDatabase(path.join(tempDir(), 'audit.db')));
  importDataset(db, sample(), { actor: ACTOR });
  const ctx: ServiceContext = { db, actor: ACTOR, shell: 'browser', appVersion: 'test', openFolder: () => false };
  const dispatch = createDispatcher(handlers, ctx, () => undefined);
  const call = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => {
    const r = await dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as OutputOf<M>;
  };
  const idOf = (table: string, ref: string) => db.raw.prepare(`SELECT id FROM ${table} WHERE ref = ?`).pluck().get(ref) as number;

  const institution = (await call('institution.get', undefined))!;
  await call('institution.save', { ...institution, beds: 60, prices: { ...institution.prices, hourlyFeeFen: 6500 } });
  await call('updates.setFeed', { url: 'http://192.168.1.10/ltc/' });

  const r = await call('residents.save', { name: '周桂英', idNumber: idNumber('1940-03-02', 5), insuranceType: 'resident', phone: '13800000001' });
  await call('residents.save', {
    id: r.id,
    name: '周桂英',
    idNumber: r.idNumber,
    insuranceType: 'employee',
    phone: '13800000002',
    address: '海曙区中山西路1号',
  });
  const withAssessment = await call('residents.addAssessment', {
    residentId: r.id,
    level: 4,
    concludedOn: '2026-08-20',
    number: 'NB-1',
    assessor: '宁波市评估中心',
  });
  await call('residents.deleteAssessment', { id: withAssessment.assessments[0]!.id });
  const withEvent = await call('residents.addEvent', { residentId: r.id, type: 'admit', date: '2026-11-02', mode: 'home' });
  await call('residents.deleteEvent', { id: withEvent.events[0]!.id });
  await call('residents.delete', { id: r.id });

  const bed = await call('beds.save', { code: '9-901-1', room: '901', floor: '9楼' });
  await call('beds.save', { id: bed.id, code: '9-901-1', room: '901', floor: '9楼', note: '靠窗' });
  await call('beds.delete', { id: bed.id });

  const s = await call('staff.save', { name: '孙丽', idNumber: idNumber('1988-05-06', 7), role: 'caregiver', employedFrom: '2026-01-05' });
  const withCert = await call('staff.saveCertificate', {
    staffId: s.id,
    type: 'elderly-caregiver',
    number: 'YL-9',
    level: '四级/中级工',
    issuedOn: '2025-03-01',
  });
  const cert = withCert.certificates[0]!;
  await call('staff.saveCertificate', { id: cert.id, staffId: s.id, type: 'ltc-caregiver', number: 'CZ-9', issuedOn: '2025-03-01', expiresOn: '2029-03-01' });
  await call('staff.save', { id: s.id, name: '孙丽', idNumber: idNumber('1988-05-06', 7), role: 'nurse', employedFrom: '2026-01-05' });
  await call('staff.deleteCertificate', { id: cert.id });
  await call('staff.saveCertificate', { staffId: s.id, type: 'nurse-licence', number: 'N-9', issuedOn: '2024-01-01' });
  await call('staff.delete', { id: s.id });

  // September: the sample has nothing there, so these writes need no correction reason.
  const resident = idOf('residents', 'r3');
  const staff = idOf('staff', 's1');
  const v = await call('visits.save', {
    residentId: resident,
    staffId: staff,
    start: '2026-09-20T09:00',
    end: '2026-09-20T10:00',
    items: ['LC01'],
    confirmed: false,
    checkIn: { lat: 29.87, lng: 121.55 },
  });
  await call('visits.save', {
    id: v.id,
    residentId: resident,
    staffId: staff,
    start: '2026-09-20T09:00',
    end: '2026-09-20T10:30',
    items: ['LC01', 'LC08'],
    confirmed: true,
  });
  await call('visits.delete', { id: v.id });
  const csv = [
    '服务对象姓名,护理人员姓名,开始时间,结束时间,服务项目编码,签字确认,外部编号',
    '陈淑芬,施银萍,2026-09-21 09:00,2026-09-21 10:00,LC01,是,APP-9',
  ].join('\r\n');
  await call('visits.importCommit', { file: { name: 'app.csv', base64: Buffer.from(csv).toString('base64') } });

  const roster = await filledTemplate(db, {
    服务对象: [
      {
        姓名: '吴美华',
        身份证号: idNumber('1939-07-08', 9),
        参保类型: '职工医保',
        评估等级: 4,
        评估结论日期: '2026-08-10',
        入住日期: '2026-09-01',
        护理方式: '居家',
      },
    ],
    员工: [{ 姓名: '郑强', 身份证号: idNumber('1991-02-03', 1), 岗位: '护理员', 证书类型: '养老护理员证书', 证书编号: 'YL-10', 发证日期: '2024-05-01' }],
  });
  await call('roster.commit', { file: rosterUpload(roster) });

  const options = { month: '2026-10', actor: ACTOR, generatedOn: '2026-11-05', acceptErrors: true, build: tinyPackage };
  const { claimId, claim } = await submitMonth(db, options);
  const [first, second] = claim.lines;
  applyResult(
    db,
    claimId,
    claim.lines.map((l) =>
      l === first
        ? { idNumber: l.idNumber, mode: l.mode, result: 'deducted' as const, deductedFen: 1250, reason: '护理记录不完整' }
        : l === second
          ? { idNumber: l.idNumber, mode: l.mode, result: 'rejected' as const, reason: '无有效评估' }
          : { idNumber: l.idNumber, mode: l.mode, result: 'accepted' as const },
    ),
    ACTOR,
  );
  // A visit found after 申报 goes into 补报 (the month is locked: a correction with a reason).
  await call('visits.save', {
    residentId: idOf('residents', 'r3'),
    staffId: idOf('staff', 's2'),
    start: '2026-10-29T15:00',
    end: '2026-10-29T16:00',
    items: ['LC01'],
    confirmed: true,
    correctionReason: '补录遗漏的服务记录',
  });
  await submitSupplementary(db, { ...options, generatedOn: '2026-11-20' });

  await call('reports.ledgerWorkbook', {});
  // 检查准备 and 自查: the settings, a hit marked 已核实（正常） and withdrawn, a home point set and cleared, an export
  const { settings } = await call('inspection.settings', undefined);
  await call('inspection.saveSettings', { ...settings, params: { ...settings.params, checkInRadiusM: 800 }, weights: { ...settings.weights, copay: 0 } });
  await call('inspection.markHit', { key: 'NO_CHECKIN:v1', rule: 'NO_CHECKIN', note: '定位故障，已回访确认', reason: '服务记录 v1 没有签到位置' });
  await call('inspection.unmarkHit', { key: 'NO_CHECKIN:v1' });
  await call('inspection.setHomePoint', { residentId: idOf('residents', 'r3'), home: { lat: 29.87, lng: 121.55 } });
  await call('inspection.setHomePoint', { residentId: idOf('residents', 'r3'), home: null });
  await call('inspection.sampleWorkbook', { from: '2026-10-01', to: '2026-10-31', residents: 2, days: 1, seed: 1 });
  await call('backups.create', undefined);
  // users (decisions.md D35): added, a password reset, disabled and enabled again, the idle lock's minutes
  const user = await call('users.add', { name: '李录入', role: 'clerk', password: 'clerk-pass-1' });
  await call('users.resetPassword', { id: user.id, password: 'clerk-pass-2' });
  await call('users.setDisabled', { id: user.id, disabled: true });
  await call('users.setDisabled', { id: user.id, disabled: false });
  await call('auth.saveSettings', { idleMinutes: 5 });
  exportDataset(db, { actor: ACTOR });
  return db;
}
