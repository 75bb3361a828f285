/**
 * The institution's contact and bank details (issue 11): 机构地址, 联系电话, 开户银行, 银行账号, as the
 * agency's forms carry them. Optional: printed on the claim's summary when set, absent otherwise, so
 * a database from before this step (no values) prints as it did.
 */
import type { Migration } from './types';

const SQL = `
ALTER TABLE institution ADD COLUMN address TEXT;
ALTER TABLE institution ADD COLUMN phone TEXT;
ALTER TABLE institution ADD COLUMN bank_name TEXT;
ALTER TABLE institution ADD COLUMN bank_account TEXT;
`;

export const migration012: Migration = {
  number: 12,
  name: 'institution_contact',
  up(db) {
    db.exec(SQL);
  },
};
