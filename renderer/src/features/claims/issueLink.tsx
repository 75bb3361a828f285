/** The records that fix an issue: the visit, the resident, the staff member, or the institution's settings. */
import { Space } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MonthView } from '../../../../shared/api/claims';
import type { ClaimIssue } from '../../../../shared/claims/types';
import { S } from './strings';

/** Visit issues whose fix is usually in the caregiver's record (a certificate, the roster). */
const STAFF_FIX = new Set(['CERT_INVALID', 'NURSE_REQUIRED', 'VISIT_OVERLAP']);

export function IssueLink({ issue: i, links }: { issue: ClaimIssue; links: MonthView['links'] }) {
  const out: ReactNode[] = [];
  // The visits list reads its search from `q` (useVisitFilters); a visit ref finds exactly that visit.
  if (i.visit) out.push(<Link key="v" to={`/visits?q=${encodeURIComponent(i.visit)}`}>{S.fix.visit(i.visit)}</Link>);
  if (i.staff && links.staff[i.staff] && (!i.visit || STAFF_FIX.has(i.code))) out.push(<Link key="s" to={`/staff/${links.staff[i.staff]}`}>{S.fix.staff}</Link>);
  if (i.resident && links.residents[i.resident] && !i.visit) out.push(<Link key="r" to={`/residents/${links.residents[i.resident]}`}>{S.fix.resident}</Link>);
  if (i.code === 'PRICE_MISSING' || i.code === 'PRICE_ZERO' || i.code === 'MODE_NOT_COVERED') out.push(<Link key="i" to="/settings/institution">{S.fix.institution}</Link>);
  return out.length > 0 ? <Space size="middle">{out}</Space> : null;
}
