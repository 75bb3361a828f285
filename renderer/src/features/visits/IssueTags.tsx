/** The claim's issues on a visit as tags: the Chinese title (as the claim titles it), the message on hover. */
import { Tag, Tooltip } from 'antd';
import type { VisitIssue } from '../../../../shared/api/visits';
import { ISSUE_TITLES } from '../../../../shared/claims/issueCodes';

const COLORS = { error: 'red', warning: 'orange', info: 'blue' } as const;

export function IssueTag({ issue }: { issue: VisitIssue }) {
  return (
    <Tooltip title={issue.message}>
      <Tag color={COLORS[issue.severity]} data-code={issue.code} tabIndex={0} style={{ marginBlock: 2 }}>
        {ISSUE_TITLES[issue.code] ?? issue.code}
      </Tag>
    </Tooltip>
  );
}

export function IssueTags({ issues }: { issues: readonly VisitIssue[] }) {
  return (
    <>
      {issues.map((i, n) => (
        <IssueTag key={`${i.code}-${n}`} issue={i} />
      ))}
    </>
  );
}
