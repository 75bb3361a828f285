/**
 * The database as an `ltc-dataset` v1 document: the format import reads, in insertion order, with
 * every record's stored ref, so import → export gives the same document back.
 */
import type { Dataset } from '../../../shared/domain/model';
import { recordAudit } from '../audit/auditLog';
import type { LtcDatabase } from '../db/database';
import { DatasetError } from './errors';
import { readInstitution } from './institutionRows';
import { readResidents, readStaff, readVisits } from './readRecords';

/**
 * With an `actor`, the export is written to the audit trail (it carries whole ID numbers out of the
 * program: PIPL, docs/rules.md §9). Pass one whenever the result leaves the program as a file.
 */
export function exportDataset(db: LtcDatabase, opts: { actor?: string } = {}): Dataset {
  // One transaction: a consistent snapshot even while another connection writes.
  return db.transaction(() => {
    const institution = readInstitution(db.raw);
    if (!institution) throw new DatasetError('NO_INSTITUTION', '数据库中还没有机构信息，请先在机构设置中填写或导入数据文件');
    const residents = readResidents(db.raw);
    const staff = readStaff(db.raw);
    const visits = readVisits(db.raw, residents.refs, staff.refs);
    const dataset: Dataset = { format: 'ltc-dataset', version: 1, institution, residents: residents.list, staff: staff.list, visits };
    if (opts.actor) {
      recordAudit(db, {
        actor: opts.actor,
        action: 'export',
        entity: 'dataset',
        after: { residents: residents.list.length, staff: staff.list.length, visits: visits.length },
      });
    }
    return dataset;
  });
}
