/**
 * The one contract between the renderer and the services: every call the renderer may make, its
 * input schema and its output type. Electron's preload exposes exactly these names; the HTTP host
 * serves exactly these; the services validate every input against these schemas. Nothing else
 * crosses: no file system, no SQL. Each feature declares its calls in its own module here.
 */
import type { z } from 'zod';
import { appApi } from './app';
import { auditApi } from './audit';
import { authApi } from './auth';
import { backupsApi } from './backups';
import { bedsApi } from './beds';
import { claimsApi } from './claims';
import { dashboardApi } from './dashboard';
import type { MethodDef } from './define';
import type { MethodNameListed } from './methodNames';
import { inspectionApi } from './inspection';
import { institutionApi } from './institution';
import { jobsApi } from './jobs';
import { reportsApi } from './reports';
import { residentsApi } from './residents';
import { rosterApi } from './roster';
import { rotaApi } from './rota';
import { plansApi } from './plans';
import { recoveryApi } from './recovery';
import { staffApi } from './staff';
import { updatesApi } from './updates';
import { visitsApi } from './visits';

export const contract = {
  ...appApi,
  ...institutionApi,
  ...dashboardApi,
  ...residentsApi,
  ...bedsApi,
  ...staffApi,
  ...rosterApi,
  ...rotaApi,
  ...plansApi,
  ...visitsApi,
  ...auditApi,
  ...claimsApi,
  ...jobsApi,
  ...reportsApi,
  ...backupsApi,
  ...updatesApi,
  ...inspectionApi,
  ...recoveryApi,
  ...authApi,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export { API_CHANNEL, METHOD_NAMES } from './methodNames';

// The preload's zod-free list of names (methodNames.ts) and the contract must name the same calls: a call
// missing from either side is a compile error here (and tests/unit/shell/preload.test.ts checks the order
// and duplicates at run time).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatchContract: Same<MethodNameListed, MethodName> = true;
void namesMatchContract;

type Def<M extends MethodName> = Contract[M] extends MethodDef<infer I, infer O> ? { input: I; output: O } : never;
/** What the renderer passes (defaults may be left out). */
export type InputOf<M extends MethodName> = z.input<Def<M>['input']>;
/** What the services receive after validation. */
export type ParsedInputOf<M extends MethodName> = z.output<Def<M>['input']>;
export type OutputOf<M extends MethodName> = Def<M>['output'];

/** `window.api`: one async function per call, resolving to a result value (errors as values). */
export type DesktopApi = { [M in MethodName]: (input: InputOf<M>) => Promise<import('./errors').ApiResult<OutputOf<M>>> };
