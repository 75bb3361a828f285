/** 打印预览: the 结算申报汇总表 as a printable page (the same content as the PDF's first document). */
import { Button, Modal } from 'antd';
import type { ClaimHead, MonthCounts } from '../../../../shared/api/claims';
import { formatYuan } from '../../../../shared/domain/money';
import '../../app/print.css';

export function PrintSummary({ claim, counts, open, onClose }: { claim: ClaimHead; counts: MonthCounts; open: boolean; onClose: () => void }) {
  const t = claim.totals;
  const count = (s: keyof MonthCounts['issues']) => counts.issues[s];
  const rows: [string, string][] = [
    ['结算人数', String(t.persons)],
    ['床日', String(t.billableDays)],
    ['居家服务时长（小时）', (t.coveredMinutes / 60).toFixed(2)],
    ['上门服务次数', String(t.visits)],
    ['费用合计（元）', formatYuan(t.feeFen)],
    ['基金支付（元）', formatYuan(t.fundFen)],
    ['个人负担（元）', formatYuan(t.personalFen)],
  ];
  return (
    <Modal open={open} onCancel={onClose} width={820} title="打印预览" footer={[<Button key="c" onClick={onClose}>关闭</Button>, <Button key="p" type="primary" onClick={() => window.print()}>打印</Button>]}>
      <div className="print-area" data-testid="print-summary">
        <h2 style={{ textAlign: 'center' }}>长期护理保险结算申报汇总表</h2>
        <p>
          定点机构：{claim.institution.name}{'\u3000'}统一社会信用代码：{claim.institution.uscc}{'\u3000'}定点机构编码：{claim.institution.agencyCode}
        </p>
        <p>
          结算月份：{claim.month}{'\u3000'}{claim.kind === 'supplementary' ? '（补报）' : ''}{'\u3000'}政策：{claim.policy.id} {claim.policy.version}
        </p>
        <table className="print-table">
          <tbody>
            {rows.map(([k, v]) => (
              <tr key={k}>
                <th>{k}</th>
                <td>{v}</td>
              </tr>
            ))}
            <tr>
              <th>问题</th>
              <td>错误 {count('error')}，警告 {count('warning')}，提示 {count('info')}</td>
            </tr>
          </tbody>
        </table>
        <div className="print-signatures">
          <div>经办人签字：</div>
          <div>机构负责人签字：</div>
          <div className="seal">机构盖章</div>
        </div>
        <p style={{ textAlign: 'right' }}>申报日期：＿＿＿＿年＿＿月＿＿日</p>
      </div>
    </Modal>
  );
}
