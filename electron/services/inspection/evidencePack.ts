/**
 * The evidence pack's data, gathered in one read transaction from the period's records, and rendered to
 * one PDF in the calling thread (the inspection worker, from the built app). Progress is reported per
 * part, as the package's PDFs are.
 */
import { createHash } from 'node:crypto';
import { auditListQuery } from '../../../shared/api/audit';
import { assessmentPeriods } from '../../../shared/claims/assessments';
import { actionName, entityName } from '../../../shared/audit/auditWords';
import { CARE_MODE_NAMES, CERTIFICATE_NAMES, STAFF_ROLE_NAMES } from '../../../shared/domain/glossary';
import { maskIdNumber } from '../../../shared/domain/ids';
import type { Certificate, Staff } from '../../../shared/domain/model';
import type { InspectionSettings } from '../../../shared/inspection/settings';
import { findPolicyPack } from '../../../shared/policy/registry';
import { listAuditPage } from '../audit/auditQuery';
import { readInstitution } from '../dataset/institutionRows';
import type { LtcDatabase } from '../db/database';
import type { PdfFonts } from '../documents/fonts';
import { levelLabel } from '../documents/format';
import { renderRequest } from '../documents/pdfRender';
import type { Progress } from './inspectTasks';
import { evidencePdf, type PackData } from './evidencePdf';
import { readMarks } from './inspectionStore';
import { monthClaims, monthsOf, readPeople, requirePack } from './periodRecords';
import { sampleOf, standingClaims, type SampleRequest } from './sampleService';
import { selfAuditOf, withMarks } from './selfAuditService';

export interface EvidencePack {
  name: string;
  bytes: Uint8Array;
  sha256: string;
  pages: number;
}

/** The audit log extract: at most this many rows of the period (the screen has them all). */
const AUDIT_ROWS = 500;

function certificateText(c: Certificate, on: string): string {
  const state = c.issuedOn > on ? '期间末尚未发证' : !c.expiresOn ? '长期有效' : c.expiresOn < on ? `已于 ${c.expiresOn} 过期` : `有效至 ${c.expiresOn}`;
  return `${CERTIFICATE_NAMES[c.type]} ${c.number}${c.level ? `（${c.level}）` : ''}：${state}`;
}

const employedIn = (s: Staff, from: string, to: string): boolean => (!s.employedFrom || s.employedFrom <= to) && (!s.employedTo || s.employedTo >= from);

function gather(db: LtcDatabase, req: SampleRequest, settings: InspectionSettings, generatedOn: string, progress: Progress): PackData {
  return db.transaction(() => {
    const pack = requirePack(db);
    const institution = readInstitution(db.raw)!;
    progress({ done: 0, total: 4, phase: '读取记录' });
    const months = monthsOf(req.from, req.to).map((m) => monthClaims(db, m));
    const people = readPeople(db);
    const claimed = new Map<string, Set<string>>();
    for (const c of months.flatMap(standingClaims)) {
      for (const l of c.lines) claimed.set(l.resident, (claimed.get(l.resident) ?? new Set()).add(CARE_MODE_NAMES[l.mode]));
    }
    const residents = people.residents
      .filter((r) => claimed.has(r.ref))
      .map((r) => {
        const held = assessmentPeriods(r.assessments, pack.assessment)
          .filter((p) => p.start <= req.to && p.end >= req.from)
          .at(-1);
        const assessment = held
          ? `${levelLabel(held.level)}，结论 ${held.assessment.concludedOn}${held.assessment.number ? ` ${held.assessment.number}` : ''}，有效期 ${held.start} 至 ${held.end}`
          : '期间内无有效评估';
        return { name: r.name, ref: r.ref, idMasked: maskIdNumber(r.idNumber), modes: [...(claimed.get(r.ref) ?? [])].join('、'), assessment };
      });
    const staff = people.staff
      .filter((s) => employedIn(s, req.from, req.to))
      .map((s) => ({
        name: s.name,
        ref: s.ref,
        idMasked: maskIdNumber(s.idNumber),
        role: s.role ? STAFF_ROLE_NAMES[s.role] : '—',
        employed: `${s.employedFrom ?? '—'} 至 ${s.employedTo ?? '今'}`,
        certificates: s.certificates.map((c) => certificateText(c, req.to)),
      }));
    progress({ done: 1, total: 4, phase: '自查' });
    const rules = withMarks(selfAuditOf(db, req, settings, months), readMarks(db));
    progress({ done: 2, total: 4, phase: '抽查' });
    const sample = sampleOf(db, req, settings, months);
    const audit = listAuditPage(db, auditListQuery.parse({ from: req.from, to: req.to, pageSize: AUDIT_ROWS, sortOrder: 'ascend' }));
    return {
      institution,
      policyTitle: `${findPolicyPack(institution.policy)?.title ?? institution.policy}（${pack.id}，版本 ${pack.version}）`,
      from: req.from,
      to: req.to,
      generatedOn,
      seed: req.seed,
      staff,
      residents,
      sample: { residents: sample.residents.length, days: sample.days, pool: sample.pool, rows: sample.rows },
      rules,
      audit: {
        total: audit.total,
        rows: audit.rows.map((a) => ({
          at: a.at.slice(0, 16).replace('T', ' '),
          actor: a.actor,
          action: actionName(a.action),
          entity: entityName(a.entity),
          subject: a.subject ?? '',
        })),
      },
    };
  });
}

export async function evidencePack(
  db: LtcDatabase,
  req: SampleRequest,
  settings: InspectionSettings,
  o: { generatedOn: string; fonts: PdfFonts; onProgress?: Progress },
): Promise<EvidencePack> {
  const progress = o.onProgress ?? (() => undefined);
  const data = gather(db, req, settings, o.generatedOn, progress);
  progress({ done: 3, total: 4, phase: '生成PDF' });
  const spec = evidencePdf(data);
  const { bytes, pages } = await renderRequest({ dd: spec.dd, footer: spec.footer }, o.fonts);
  progress({ done: 4, total: 4, phase: '完成' });
  return { name: `检查资料包-${req.from}至${req.to}.pdf`, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), pages };
}
