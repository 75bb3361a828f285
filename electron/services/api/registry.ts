import { appHandlers } from '../app/appHandlers';
import { auditHandlers } from '../audit/auditHandlers';
import { authHandlers } from '../auth/authHandlers';
import { backupsHandlers } from '../backups/backupsHandlers';
import { bedsHandlers } from '../beds/bedsHandlers';
import { claimsHandlers } from '../claims/claimsHandlers';
import { dashboardHandlers } from '../dashboard/dashboardHandlers';
import { inspectionHandlers } from '../inspection/inspectionHandlers';
import { institutionHandlers } from '../institution/institutionHandlers';
import { jobsHandlers } from '../jobs/jobsHandlers';
import { reportsHandlers } from '../reports/reportsHandlers';
import { residentsHandlers } from '../residents/residentsHandlers';
import { rosterHandlers } from '../roster/rosterHandlers';
import { rotaHandlers } from '../rota/rotaHandlers';
import { plansHandlers } from '../carePlans/plansHandlers';
import { recoveryHandlers } from '../recovery/recoveryHandlers';
import { staffHandlers } from '../staff/staffHandlers';
import { updatesHandlers } from '../updates/updatesHandlers';
import { visitsHandlers } from '../visits/visitsHandlers';
import type { Handlers } from './handlers';

export const handlers: Handlers = {
  ...appHandlers,
  ...institutionHandlers,
  ...dashboardHandlers,
  ...residentsHandlers,
  ...bedsHandlers,
  ...staffHandlers,
  ...rosterHandlers,
  ...rotaHandlers,
  ...plansHandlers,
  ...visitsHandlers,
  ...auditHandlers,
  ...claimsHandlers,
  ...jobsHandlers,
  ...reportsHandlers,
  ...backupsHandlers,
  ...updatesHandlers,
  ...inspectionHandlers,
  ...recoveryHandlers,
  ...authHandlers,
};
