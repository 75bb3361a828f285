/**
 * The confirmation before 申报 / 补报: what freezing means, and an explicit "accept errors" when there
 * are errors. For 补报 the services first say what it would add and its errors, or why none can be
 * made (nothing new, the month not ended): 确定 stays disabled with the reason shown, as for 申报,
 * instead of being refused after the click.
 */
import { Alert, Checkbox, Input, Modal, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { formatYuan } from '../../../../shared/domain/money';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { S } from './strings';

/** The last 申报人 typed on this computer: month-end is usually done by the same person. */
const BY_KEY = 'ltc.claims.submittedBy';

type Kind = null | 'submit' | 'supplement';

export function SubmitDialog({
  kind,
  month,
  errors: monthErrors,
  onCancel,
  onOk,
}: {
  kind: Kind;
  month: string;
  errors: number;
  onCancel: () => void;
  onOk: (acceptErrors: boolean, by: string | undefined) => void;
}) {
  const [acceptErrors, setAcceptErrors] = useState(false);
  const [by, setBy] = useState(() => localStorage.getItem(BY_KEY) ?? '');
  // Each time the dialog opens the administrator decides again.
  useEffect(() => setAcceptErrors(false), [kind]);
  // What 补报 would add, computed fresh each time its dialog opens (records may have changed).
  const preview = useApiQuery('claims.supplementPreview', { month }, { enabled: kind === 'supplement', gcTime: 0, staleTime: 0 });
  const supp = kind === 'supplement' ? preview.data : undefined;
  const errors = kind === 'supplement' ? (supp?.errors ?? 0) : monthErrors;
  const blocked = kind === 'supplement' && (!supp || supp.blocked !== null);
  return (
    <Modal
      open={kind !== null}
      title={kind === 'submit' ? `${S.submit} ${month}` : `${S.supplement} ${month}`}
      okText={S.ok}
      cancelText={S.cancel}
      // With errors, submitting must be a deliberate choice; a 补报 that cannot be made cannot be confirmed.
      okButtonProps={{ disabled: blocked || (errors > 0 && !acceptErrors) }}
      onCancel={onCancel}
      onOk={() => {
        const name = by.trim();
        if (name) localStorage.setItem(BY_KEY, name);
        onOk(acceptErrors, name || undefined);
      }}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <span>{kind === 'submit' ? S.submitConfirm(month) : S.supplementConfirm(month)}</span>
        <Input
          aria-label={S.submittedBy}
          addonBefore={S.submittedBy}
          placeholder={S.submittedByHint}
          maxLength={40}
          value={by}
          onChange={(e) => setBy(e.target.value)}
        />
        {kind === 'supplement' && preview.isFetching && <Spin size="small" description={S.supp.previewing} />}
        {kind === 'supplement' && <ErrorAlert error={preview.error} />}
        {supp?.blocked && <Alert type="error" showIcon title={supp.blocked} data-testid="supplement-blocked" />}
        {supp && !supp.blocked && (
          <Alert type="info" showIcon title={S.supp.adds(supp.lines, formatYuan(supp.totals.feeFen), formatYuan(supp.totals.fundFen))} />
        )}
        {!blocked && errors > 0 && <Alert type="warning" showIcon title={kind === 'submit' ? S.errorsBlock(errors) : S.supp.errors(errors)} />}
        {!blocked && errors > 0 && (
          <Checkbox checked={acceptErrors} onChange={(e) => setAcceptErrors(e.target.checked)}>
            {S.acceptErrors}
          </Checkbox>
        )}
      </Space>
    </Modal>
  );
}
