/** The records that fix an issue (issueFixes.ts says which): the visit, the resident's tab, the staff member's certificates, the settings. */
import { Space } from 'antd';
import { Link } from 'react-router';
import type { IssueLinks } from '../../../../shared/api/claims';
import type { ClaimIssue } from '../../../../shared/claims/types';
import { fixLinks, type FixLink, type ResidentTab, type StaffPlace } from './issueFixes';
import { S } from './strings';

function label(l: FixLink, issue: ClaimIssue): string {
  switch (l.kind) {
    case 'visit':
      return S.fix.visit(issue.visit ?? '');
    case 'resident':
      return S.fix.resident[l.place as ResidentTab];
    case 'staff':
      return S.fix.staff[l.place as StaffPlace];
    case 'clientVisits':
      return S.fix.clientVisits;
    case 'institution':
      return S.fix.institution;
  }
}

export function IssueLink({ issue, links }: { issue: ClaimIssue; links: IssueLinks }) {
  const out = fixLinks(issue, links);
  if (out.length === 0) return null;
  return (
    <Space size="middle" wrap>
      {out.map((l) => (
        <Link key={l.kind} to={l.to}>
          {label(l, issue)}
        </Link>
      ))}
    </Space>
  );
}
