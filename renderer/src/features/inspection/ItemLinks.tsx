/**
 * The records behind a check or a hit, as links to where they are fixed: a claim issue's own fix links
 * (the same as on 月度结算), else the resident, the staff member and the visit it names.
 */
import { Space } from 'antd';
import { Link } from 'react-router';
import type { CheckItem } from '../../../../shared/api/inspection';
import type { ClaimIssue } from '../../../../shared/claims/types';
import { ISSUE_SEVERITY } from '../../../../shared/claims/issueCodes';
import { IssueLink } from '../claims/issueLink';
import { S } from './strings';

type Links = { residents: Record<string, number>; staff: Record<string, number> };

export function ItemLinks({ item, links }: { item: CheckItem & { visits?: string[] }; links: Links }) {
  if (item.code) {
    const issue: ClaimIssue = {
      code: item.code,
      severity: ISSUE_SEVERITY[item.code],
      message: item.text,
      resident: item.resident,
      staff: item.staff,
      visit: item.visit,
      date: item.date,
    };
    return <IssueLink issue={issue} links={links} />;
  }
  const resident = item.resident ? links.residents[item.resident] : undefined;
  const staff = item.staff ? links.staff[item.staff] : undefined;
  const visits = item.visits ?? (item.visit ? [item.visit] : []);
  return (
    <Space size="middle" wrap>
      {visits.slice(0, 3).map((v) => (
        <Link key={v} to={`/visits?q=${encodeURIComponent(v)}`}>
          {S.links.visit(v)}
        </Link>
      ))}
      {resident !== undefined && <Link to={`/residents/${resident}`}>{S.links.resident}</Link>}
      {staff !== undefined && <Link to={`/staff/${staff}`}>{S.links.staff}</Link>}
    </Space>
  );
}
