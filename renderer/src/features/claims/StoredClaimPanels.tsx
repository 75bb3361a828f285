/**
 * The tabs of a month's other stored claims: each 补报 (its totals, its files, 撤回 while the agency has
 * not answered) and the withdrawn claims kept as history (who withdrew them, when and why, their files).
 */
import { Button, Card, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import type { StoredClaimView, SupplementaryView } from '../../../../shared/api/claims';
import { FilesPanel } from './FilesPanel';
import { claimLabel, S } from './strings';
import { TotalsBar } from './TotalsBar';

const W = S.withdraw;
const at = (t: string | null) => (t ?? '').slice(0, 16).replace('T', ' ');

export function SupplementPanel({ s, busy, onWithdraw }: { s: SupplementaryView; busy: boolean; onWithdraw: (s: SupplementaryView) => void }) {
  return (
    <>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Tag color={s.status === 'settled' ? 'purple' : 'green'}>{S.status[s.status]}</Tag>
        {s.submittedAt && <span>{S.submittedAt(at(s.submittedAt), s.submittedBy)}</span>}
        {s.status === 'submitted' && (
          <Button size="small" danger disabled={busy || s.withdrawBlocked !== null} onClick={() => onWithdraw(s)}>
            {W.buttonSupp(s.seq)}
          </Button>
        )}
        {s.status === 'submitted' && s.withdrawBlocked && <Typography.Text type="secondary">{s.withdrawBlocked}</Typography.Text>}
      </Flex>
      <TotalsBar totals={s.totals} testId={`supp${s.seq}-total`} />
      <div style={{ marginTop: 12 }}>
        <FilesPanel claimId={s.id} files={s.files} verification={s.verification} />
      </div>
    </>
  );
}

export function WithdrawnPanel({ claims }: { claims: StoredClaimView[] }) {
  if (claims.length === 0) return <Empty />;
  return (
    <>
      {claims.map((c) => (
        <Card key={c.id} size="small" title={W.historyItem(claimLabel(c))} style={{ marginBottom: 12 }} data-testid="withdrawn-claim">
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 's', label: S.storedSubmitted, children: `${at(c.submittedAt)}（${c.submittedBy ?? ''}）` },
              { key: 'w', label: S.storedWithdrawn, children: `${at(c.withdrawnAt)}（${c.withdrawnBy ?? ''}）` },
              { key: 'r', label: W.reason, children: c.withdrawReason },
            ]}
          />
          <TotalsBar totals={c.totals} testId={`withdrawn${c.id}-total`} />
          <div style={{ marginTop: 12 }}>
            <FilesPanel claimId={c.id} files={c.files} verification={c.verification} />
          </div>
        </Card>
      ))}
    </>
  );
}
