/**
 * 机构设置: read and save the institution. The USCC's format must be right; a failing check character
 * is only a warning, because some early codes fail it and are still valid (docs/rules.md §9).
 */
import type { InstitutionView } from '../../../shared/api/institution';
import { usccProblem } from '../../../shared/domain/ids';
import type { Institution } from '../../../shared/domain/model';
import { priceProblems } from '../../../shared/domain/prices';
import { findPolicyPack } from '../../../shared/policy/registry';
import { recordAudit } from '../audit/auditLog';
import { localTimestamp } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { readInstitution, writeInstitution } from '../dataset/institutionRows';
import { InputError } from '../errors';

export function institutionView(i: Institution): InstitutionView {
  const p = usccProblem(i.uscc);
  return { ...i, usccWarning: p?.kind === 'checksum' ? p.message : null };
}

export function getInstitution(db: LtcDatabase): InstitutionView | null {
  const i = readInstitution(db.raw);
  return i ? institutionView(i) : null;
}

export function saveInstitution(db: LtcDatabase, next: Institution, actor: string): InstitutionView {
  const problems = [];
  const uscc = usccProblem(next.uscc);
  if (uscc?.kind === 'format') problems.push({ path: 'uscc', message: uscc.message });
  if (!findPolicyPack(next.policy)) problems.push({ path: 'policy', message: `政策包“${next.policy}”不存在，请从列表中选择` });
  problems.push(...priceProblems(next.prices));
  if (problems.length > 0) throw new InputError(problems.map((p) => p.message).join('；'), problems);
  return db.transaction(() => {
    const before = readInstitution(db.raw) ?? null;
    writeInstitution(db.raw, next, localTimestamp());
    recordAudit(db, { actor, action: before ? 'update' : 'create', entity: 'institution', entityId: 1, before, after: next });
    return institutionView(next);
  });
}
