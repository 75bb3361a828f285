/** The confirmation before 申报 / 补报: what freezing means, and an explicit "accept errors" when there are errors. */
import { Alert, Checkbox, Input, Modal, Space } from 'antd';
import { useEffect, useState } from 'react';
import { S } from './strings';

/** The last 申报人 typed on this computer: month-end is usually done by the same person. */
const BY_KEY = 'ltc.claims.submittedBy';

export function SubmitDialog({ kind, month, errors, onCancel, onOk }: { kind: null | 'submit' | 'supplement'; month: string; errors: number; onCancel: () => void; onOk: (acceptErrors: boolean, by: string | undefined) => void }) {
  const [acceptErrors, setAcceptErrors] = useState(false);
  const [by, setBy] = useState(() => localStorage.getItem(BY_KEY) ?? '');
  // Each time the dialog opens the administrator decides again.
  useEffect(() => setAcceptErrors(false), [kind]);
  return (
    <Modal
      open={kind !== null}
      title={kind === 'submit' ? `${S.submit} ${month}` : `${S.supplement} ${month}`}
      okText={S.ok}
      cancelText={S.cancel}
      // 申报 with errors must be a deliberate choice; 补报's own errors are checked by the services.
      okButtonProps={{ disabled: kind === 'submit' && errors > 0 && !acceptErrors }}
      onCancel={onCancel}
      onOk={() => {
        const name = by.trim();
        if (name) localStorage.setItem(BY_KEY, name);
        onOk(acceptErrors, name || undefined);
      }}
    >
      <Space orientation="vertical">
        <span>{kind === 'submit' ? S.submitConfirm(month) : S.supplementConfirm(month)}</span>
        <Input aria-label={S.submittedBy} addonBefore={S.submittedBy} placeholder={S.submittedByHint} maxLength={40} value={by} onChange={(e) => setBy(e.target.value)} />
        {kind === 'submit' && errors > 0 && <Alert type="warning" showIcon title={S.errorsBlock(errors)} />}
        {errors > 0 && (
          <Checkbox checked={acceptErrors} onChange={(e) => setAcceptErrors(e.target.checked)}>
            {S.acceptErrors}
          </Checkbox>
        )}
      </Space>
    </Modal>
  );
}
