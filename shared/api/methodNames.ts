/**
 * The names of the contract's calls and the IPC channel, with no schema attached. The sandboxed preload
 * imports this file and nothing else of shared/: a sandboxed preload can `require` only `electron`, so
 * it must not pull in zod (which every schema in contract.ts needs). contract.ts checks at compile time
 * that this list and the contract have the same names, and a unit test checks it again at run time.
 * A new call is added here and in its feature's api module.
 */

/** The IPC channel all calls travel on in Electron (the method name is the first argument). */
export const API_CHANNEL = 'ltc:api';

export const METHOD_NAMES = [
  'app.info', 'app.openDataFolder',
  'institution.get', 'institution.save',
  'policy.list',
  'dashboard.get',
  'residents.list', 'residents.get', 'residents.save', 'residents.delete', 'residents.addAssessment', 'residents.deleteAssessment', 'residents.addEvent', 'residents.deleteEvent', 'residents.calendar',
  'beds.list', 'beds.save', 'beds.delete', 'beds.board', 'beds.free',
  'staff.list', 'staff.get', 'staff.save', 'staff.delete', 'staff.saveCertificate', 'staff.deleteCertificate', 'staff.matrix',
  'roster.template', 'roster.preview', 'roster.commit',
  'visits.list', 'visits.get', 'visits.save', 'visits.delete', 'visits.check', 'visits.people', 'visits.catalogue', 'visits.importPreview', 'visits.importCommit', 'visits.importTemplate',
  'audit.list', 'audit.facets',
  'claims.list', 'claims.month', 'claims.monthLines', 'claims.monthIssues', 'claims.submit', 'claims.supplement', 'claims.supplementary', 'claims.supplementPreview', 'claims.withdraw', 'claims.file', 'claims.openFile', 'claims.saveToFolder', 'claims.verify', 'claims.resultTemplate', 'claims.previewResult', 'claims.importResult', 'claims.reconciliation',
  'jobs.status',
  'reports.ledger', 'reports.ledgerWorkbook',
  'backups.list', 'backups.create', 'backups.saveToFolder', 'backups.download', 'backups.openFolder',
  'updates.status', 'updates.setFeed', 'updates.check', 'updates.download', 'updates.install',
  'inspection.settings', 'inspection.saveSettings', 'inspection.board', 'inspection.selfAudit', 'inspection.selfAuditWorkbook', 'inspection.markHit', 'inspection.unmarkHit', 'inspection.setHomePoint', 'inspection.sample', 'inspection.sampleWorkbook', 'inspection.evidencePack',
] as const;

export type MethodNameListed = (typeof METHOD_NAMES)[number];
