/** 核实为正常: the note that says why a hit is normal; saved with who and when, and audited. */
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { HitView } from '../../../../shared/api/inspection';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { S } from './strings';

const M = S.audit.modal;

export function VerifyDialog({ hit, onClose, onSaved }: { hit: HitView | null; onClose: () => void; onSaved: () => void }) {
  const [note, setNote] = useState('');
  const mark = useApiMutation('inspection.markHit');
  const close = () => {
    setNote('');
    mark.reset();
    onClose();
  };
  return (
    <Modal
      open={hit !== null}
      title={M.title}
      okText={M.ok}
      cancelText={S.cancel}
      confirmLoading={mark.isPending}
      okButtonProps={{ disabled: note.trim() === '' }}
      onCancel={close}
      onOk={() => {
        if (!hit) return;
        mark.mutate(
          { key: hit.key, rule: hit.rule, note: note.trim(), reason: hit.reason },
          {
            onSuccess: () => {
              setNote('');
              onSaved();
            },
          },
        );
      }}
      destroyOnHidden
    >
      {hit && <Alert type="warning" showIcon title={hit.reason} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <Form.Item label={M.note} required htmlFor="verify-note">
          <Input.TextArea
            id="verify-note"
            rows={3}
            maxLength={500}
            showCount
            value={note}
            placeholder={M.placeholder}
            onChange={(e) => setNote(e.target.value)}
          />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">{M.hint}</Typography.Text>
      <ErrorAlert error={mark.error} />
    </Modal>
  );
}
