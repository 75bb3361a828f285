/**
 * Who may make which call (issue 16 §1, decisions.md D35): one rule per call of the contract, checked by
 * the dispatcher on every call that arrives through a face serving a logged-in user (the HTTP host, the
 * desktop window), whatever the screen shows. The screens read the same table to hide what a role may not
 * do (`mayCall`). A call missing here is a compile error (the record's key type is the list of names), and
 * tests/unit/auth/permissions.test.ts walks every name again.
 *
 * - `public`: answered without a login (the login itself, the first start, the status the window asks first);
 * - `signedIn`: any logged-in user;
 * - a list of roles: those roles only. 管理员 may make every call.
 */
import type { Role } from './auth';
import type { MethodNameListed } from './methodNames';

export type Rule = 'public' | 'signedIn' | readonly Role[];

const ALL: readonly Role[] = ['admin', 'head_nurse', 'director', 'clerk'];
/** 管理员 alone: settings, users, backups, the updater */
const ADMIN: readonly Role[] = ['admin'];
/** money and the inspection: 院长 reads all of it and approves the submission */
const CLAIMS: readonly Role[] = ['admin', 'director'];
/** 护士长: staff, certificates, the rota, care plans */
const NURSING: readonly Role[] = ['admin', 'head_nurse'];
/** 录入员: residents, their stays and beds */
const ENTRY: readonly Role[] = ['admin', 'clerk'];
/** visits are recorded by the nurse in charge and by the clerk */
const VISITS: readonly Role[] = ['admin', 'head_nurse', 'clerk'];
/** reading the records of the house (not money, not settings) */
const READ = ALL;

export const PERMISSIONS: Readonly<Record<MethodNameListed, Rule>> = {
  'app.info': 'signedIn',
  'app.openDataFolder': ADMIN,
  'app.encryptDatabase': ADMIN,
  'institution.get': 'signedIn',
  'institution.save': ADMIN,
  'policy.list': 'signedIn',
  'dashboard.get': 'signedIn',
  'dashboard.claim': CLAIMS,

  'residents.list': READ,
  'residents.get': READ,
  'residents.calendar': READ,
  'residents.save': ENTRY,
  'residents.delete': ENTRY,
  'residents.addAssessment': ENTRY,
  'residents.deleteAssessment': ENTRY,
  'residents.addEvent': ENTRY,
  'residents.deleteEvent': ENTRY,

  'beds.list': READ,
  'beds.board': READ,
  'beds.free': READ,
  'beds.save': ENTRY,
  'beds.delete': ENTRY,

  'staff.list': READ,
  'staff.get': READ,
  'staff.matrix': READ,
  'staff.save': NURSING,
  'staff.delete': NURSING,
  'staff.saveCertificate': NURSING,
  'staff.deleteCertificate': NURSING,
  'roster.template': NURSING,
  'roster.preview': NURSING,
  'roster.commit': NURSING,

  'rota.shiftTypes': READ,
  'rota.rules': READ,
  'rota.month': READ,
  'rota.pdf': READ,
  'rota.workbook': READ,
  'rota.saveShiftType': NURSING,
  'rota.deleteShiftType': NURSING,
  'rota.saveRules': NURSING,
  'rota.setCells': NURSING,
  'rota.publish': NURSING,
  'rota.importTemplate': NURSING,
  'rota.importPreview': NURSING,
  'rota.importCommit': NURSING,
  'rota.suggest': NURSING,

  'plans.list': READ,
  'plans.schedule': READ,
  'plans.compare': READ,
  'plans.dayList': READ,
  'plans.save': NURSING,
  'plans.delete': NURSING,
  'plans.saveRules': NURSING,
  'plans.suggest': NURSING,
  'plans.saveSchedule': NURSING,

  'visits.list': READ,
  'visits.get': READ,
  'visits.check': READ,
  'visits.people': READ,
  'visits.catalogue': READ,
  'visits.save': VISITS,
  'visits.delete': VISITS,
  'visits.importPreview': VISITS,
  'visits.importCommit': VISITS,
  'visits.importTemplate': VISITS,

  'audit.list': CLAIMS,
  'audit.facets': CLAIMS,
  'audit.chain': CLAIMS,

  'claims.list': CLAIMS,
  'claims.month': CLAIMS,
  'claims.monthLines': CLAIMS,
  'claims.monthIssues': CLAIMS,
  'claims.submit': CLAIMS,
  'claims.supplement': CLAIMS,
  'claims.supplementary': CLAIMS,
  'claims.supplementPreview': CLAIMS,
  'claims.withdraw': ADMIN,
  'claims.file': CLAIMS,
  'claims.openFile': CLAIMS,
  'claims.saveToFolder': CLAIMS,
  'claims.verify': CLAIMS,
  'claims.resultTemplate': CLAIMS,
  'claims.previewResult': ADMIN,
  'claims.importResult': ADMIN,
  'claims.resultHistory': CLAIMS,
  'claims.reconciliation': CLAIMS,
  'claims.reconciliationWorkbook': CLAIMS,
  // a job's progress: its id was given to whoever started it
  'jobs.status': 'signedIn',

  'reports.ledger': CLAIMS,
  'reports.ledgerWorkbook': CLAIMS,

  // a backup is the whole database: 管理员 only (院长 sees the list)
  'backups.list': CLAIMS,
  'backups.create': ADMIN,
  'backups.saveToFolder': ADMIN,
  'backups.download': ADMIN,
  'backups.openFolder': ADMIN,
  'updates.status': CLAIMS,
  'updates.setFeed': ADMIN,
  'updates.check': ADMIN,
  'updates.download': ADMIN,
  'updates.install': ADMIN,

  'inspection.settings': CLAIMS,
  'inspection.saveSettings': CLAIMS,
  'inspection.board': CLAIMS,
  'inspection.selfAudit': CLAIMS,
  'inspection.selfAuditWorkbook': CLAIMS,
  'inspection.markHit': CLAIMS,
  'inspection.unmarkHit': CLAIMS,
  'inspection.setHomePoint': CLAIMS,
  'inspection.sample': CLAIMS,
  'inspection.sampleWorkbook': CLAIMS,
  'inspection.evidencePack': CLAIMS,

  'auth.status': 'public',
  'auth.setup': 'public',
  'auth.login': 'public',
  'auth.recover': 'public',
  'auth.logout': 'public',
  'auth.lock': 'signedIn',
  'auth.unlock': 'signedIn',
  'auth.changePassword': 'signedIn',
  'auth.saveSettings': ADMIN,
  'users.list': ADMIN,
  'users.add': ADMIN,
  'users.resetPassword': ADMIN,
  'users.setDisabled': ADMIN,

  // Safe mode (decisions.md D36) serves these without a login, and nothing else: the users live in the file
  // that cannot be opened. With the database open, the window asks for the status before the login; the
  // others then refuse whoever calls them (services/recovery), and are the 管理员's like every data call.
  'recovery.status': 'public',
  'recovery.backups': ADMIN,
  'recovery.preview': ADMIN,
  'recovery.restore': ADMIN,
  'recovery.openFile': ADMIN,
  'recovery.retry': ADMIN,
  'recovery.export': ADMIN,
  'recovery.unlock': ADMIN,
};

/** The calls a locked window may still make: its status, unlocking, logging out. */
export const WHILE_LOCKED: ReadonlySet<string> = new Set(['auth.status', 'auth.unlock', 'auth.logout', 'auth.login', 'recovery.status']);

/** May `role` make call `method`? (public calls: anyone.) */
export function mayCall(role: Role | null | undefined, method: MethodNameListed): boolean {
  const rule = PERMISSIONS[method];
  if (rule === 'public') return true;
  if (!role) return false;
  return rule === 'signedIn' || rule.includes(role);
}
