import type { jobsApi } from '../../../shared/api/jobs';
import type { HandlersOf } from '../api/handlers';
import { jobStatus } from './jobs';

export const jobsHandlers: HandlersOf<typeof jobsApi> = {
  'jobs.status': (i) => jobStatus(i.id),
};
