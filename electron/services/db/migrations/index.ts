/**
 * Every migration the program knows, in order. Append only: a shipped migration is never edited,
 * because databases in the field have already run it (a fix is a new, higher number).
 */
import { migration001 } from './001_initial';
import { migration002 } from './002_beds';
import { migration003 } from './003_staff_lists';
import { migration004 } from './004_visit_import';
import { migration005 } from './005_claim_lifecycle';
import { migration006 } from './006_claim_summaries';
import { migration007 } from './007_app_settings';
import { migration008 } from './008_claim_withdrawal';
import { migration009 } from './009_rota';
import { migration010 } from './010_inspection';
import { migration011 } from './011_care_plans';
import { migration012 } from './012_institution_contact';
import { migration013 } from './013_claim_result_history';
import { migration014 } from './014_submission_holds';
import { migration015 } from './015_result_correction_reasons';
import { migration016 } from './016_audit_chain';
import { migration017 } from './017_users';
import type { Migration } from './types';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
];

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.number), 0);
}

/** The schema version this program writes; a file with a higher `user_version` is refused. */
export const LATEST_SCHEMA_VERSION = latestVersion(MIGRATIONS);
