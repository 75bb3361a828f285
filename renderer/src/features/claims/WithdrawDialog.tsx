/** 撤回 a submitted claim: what it means, and a reason that must be given (audited). */
import { Alert, App, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import type { ClaimSummary } from '../../../../shared/api/claims';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { claimLabel, S } from './strings';

const W = S.withdraw;
/** The 申报人 remembered by SubmitDialog: whoever submits usually withdraws. */
const BY_KEY = 'ltc.claims.submittedBy';

export function WithdrawDialog({ claim, onClose }: { claim: ClaimSummary | null; onClose: () => void }) {
  const { message } = App.useApp();
  const withdraw = useApiMutation('claims.withdraw');
  const [reason, setReason] = useState('');
  const [by, setBy] = useState(() => localStorage.getItem(BY_KEY) ?? '');
  const close = () => {
    setReason('');
    withdraw.reset();
    onClose();
  };
  if (!claim) return null;
  const what = claimLabel(claim);
  return (
    <Modal
      open
      title={W.title(what)}
      okText={W.ok}
      cancelText={S.cancel}
      okButtonProps={{ danger: true, disabled: reason.trim() === '', loading: withdraw.isPending }}
      onCancel={close}
      onOk={() =>
        withdraw.mutate(
          { claimId: claim.id, reason: reason.trim(), ...(by.trim() ? { by: by.trim() } : {}) },
          {
            onSuccess: () => {
              void message.success(W.done(what));
              close();
            },
          },
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={W.explain} />
        <Input.TextArea
          aria-label={W.reason}
          placeholder={W.reasonHint}
          maxLength={200}
          showCount
          autoSize={{ minRows: 2 }}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <Input aria-label={W.by} addonBefore={W.by} placeholder={S.submittedByHint} maxLength={40} value={by} onChange={(e) => setBy(e.target.value)} />
        <ErrorAlert error={withdraw.error} />
      </Space>
    </Modal>
  );
}
