/**
 * What the claim will make of the visit being typed: the same codes and messages as the month's claim
 * (visits.check runs judgeVisit on the database's facts, and the claim over the client's month for its
 * quota). Saving with errors is allowed; this panel makes plain that such a visit will not be paid. A
 * visit that cannot be saved (end before start, a start after today) gets that one message and nothing
 * else. Announced politely to screen readers as it changes.
 */
import { Alert, Flex, Typography } from 'antd';
import type { VisitCheckResult } from '../../../../shared/api/visits';
import { ISSUE_TITLES } from '../../../../shared/claims/issueCodes';
import { QuotaUse } from '../../ui/QuotaUse';
import { IssueTag } from './IssueTags';
import { SectionTitle } from '../../ui/headings';
import { S } from './strings';

export function VisitCheckPanel({ result, pending }: { result: VisitCheckResult | undefined; pending: boolean }) {
  const body = (() => {
    if (!result) return <Typography.Text type="secondary">{S.check.waiting}</Typography.Text>;
    const errors = result.verdict?.issues.filter((i) => i.severity === 'error') ?? [];
    const others = result.verdict?.issues.filter((i) => i.severity !== 'error') ?? [];
    if (result.problems.length > 0) {
      return (
        <Alert
          type="error"
          showIcon
          title={S.check.cannotSave}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {result.problems.map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          }
        />
      );
    }
    return (
      <Flex vertical gap={8}>
        {result.minutes !== null && <Typography.Text>{S.check.minutes(result.minutes, result.minimumMinutes)}</Typography.Text>}
        {result.quota && <QuotaUse quota={result.quota} withVisit />}
        {!result.verdict && <Typography.Text type="secondary">{S.check.waiting}</Typography.Text>}
        {result.verdict?.valid && <Alert type="success" showIcon title={S.check.valid} />}
        {errors.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={S.check.notPaid}
            description={
              <div>
                <div>{S.check.notPaidHint}</div>
                {errors.map((i, n) => (
                  <div key={n} style={{ marginTop: 6 }}>
                    <IssueTag issue={i} /> {i.message}
                  </div>
                ))}
              </div>
            }
          />
        )}
        {others.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={others.some((i) => i.code === 'VISIT_UNCONFIRMED') ? S.check.unconfirmed : ISSUE_TITLES[others[0]!.code]}
            description={others.map((i, n) => (
              <div key={n}>
                <IssueTag issue={i} /> {i.message}
              </div>
            ))}
          />
        )}
      </Flex>
    );
  })();
  return (
    <section aria-label={S.check.title} aria-live="polite" data-testid="visit-check" aria-busy={pending} style={{ marginBottom: 16 }}>
      <SectionTitle style={{ marginTop: 0 }}>
        {S.check.title}
        {pending && (
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8, fontWeight: 'normal' }}>
            {S.check.checking}
          </Typography.Text>
        )}
      </SectionTitle>
      {body}
    </section>
  );
}
