/** 打印预览: the 结算申报汇总表 as a printable page (the same content as the PDF's first document). */
import { Button, Modal } from 'antd';
import type { ClaimHead, MonthCounts } from '../../../../shared/api/claims';
import { formatYuan } from '../../../../shared/domain/money';
import '../../app/print.css';
import { S } from './strings';

const P = S.summary;

export function PrintSummary({ claim, counts, open, onClose }: { claim: ClaimHead; counts: MonthCounts; open: boolean; onClose: () => void }) {
  const t = claim.totals;
  const count = (s: keyof MonthCounts['issues']) => counts.issues[s];
  const rows: [string, string][] = [
    [P.rows.persons, String(t.persons)],
    [P.rows.billableDays, String(t.billableDays)],
    [P.rows.hours, (t.coveredMinutes / 60).toFixed(2)],
    [P.rows.visits, String(t.visits)],
    [P.rows.fee, formatYuan(t.feeFen)],
    [P.rows.fund, formatYuan(t.fundFen)],
    [P.rows.personal, formatYuan(t.personalFen)],
  ];
  return (
    <Modal
      open={open}
      onCancel={onClose}
      width={820}
      title={P.title}
      footer={[
        <Button key="c" onClick={onClose}>
          {P.close}
        </Button>,
        <Button key="p" type="primary" onClick={() => window.print()}>
          {P.print}
        </Button>,
      ]}
    >
      <div className="print-area" data-testid="print-summary">
        <h2 style={{ textAlign: 'center' }}>{P.heading}</h2>
        <p>{P.institution(claim.institution.name, claim.institution.uscc, claim.institution.agencyCode)}</p>
        <p>{P.month(claim.month, claim.kind === 'supplementary', claim.policy.id, claim.policy.version)}</p>
        <table className="print-table">
          <tbody>
            {rows.map(([k, v]) => (
              <tr key={k}>
                <th>{k}</th>
                <td>{v}</td>
              </tr>
            ))}
            <tr>
              <th>{P.issues}</th>
              <td>{P.issueCounts(count('error'), count('warning'), count('info'))}</td>
            </tr>
          </tbody>
        </table>
        <div className="print-signatures">
          <div>{P.signer}</div>
          <div>{P.head}</div>
          <div className="seal">{P.seal}</div>
        </div>
        <p style={{ textAlign: 'right' }}>{P.date}</p>
      </div>
    </Modal>
  );
}
