/**
 * A change to a month whose claim is submitted is refused (LOCKED) unless it carries a correction
 * reason (docs/rules.md §8.4). Rather than asking for a reason up front on every form, the change is tried
 * as is; only if the services refuse it for that reason does this ask for one and try again.
 */
import { Alert, Form, Input, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiCallError } from '../../api/client';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { S } from './strings';

interface Pending {
  message: string;
  retry: (reason: string) => Promise<unknown>;
  done: () => void;
}

export const isLocked = (e: unknown): boolean => e instanceof ApiCallError && e.code === 'LOCKED';

export function useCorrection(): {
  /** Sends `input`; on LOCKED asks for a reason and sends it again with the reason. */
  send: <I extends object>(mutateAsync: (input: I & { correctionReason?: string }) => Promise<unknown>, input: I, done: () => void) => Promise<void>;
  modal: ReactNode;
} {
  const [pending, setPending] = useState<Pending | null>(null);
  const send = async <I extends object>(mutateAsync: (input: I & { correctionReason?: string }) => Promise<unknown>, input: I, done: () => void) => {
    try {
      await mutateAsync(input);
      done();
    } catch (e) {
      // Other refusals are shown by the caller from the mutation's error.
      if (isLocked(e)) setPending({ message: (e as Error).message, retry: (reason) => mutateAsync({ ...input, correctionReason: reason }), done });
    }
  };
  return { send, modal: <CorrectionModal pending={pending} onClose={() => setPending(null)} /> };
}

function CorrectionModal({ pending, onClose }: { pending: Pending | null; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const onOk = async () => {
    if (!pending) return;
    const { reason } = await form.validateFields();
    setBusy(true);
    try {
      await pending.retry(reason.trim());
      pending.done();
      form.resetFields();
      setError(null);
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={pending !== null}
      title={S.correction.title}
      okText={S.correction.ok}
      cancelText={S.cancel}
      onOk={() => void onOk()}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={pending?.message} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" aria-label={S.correction.formLabel}>
        <Form.Item
          label={S.correction.label}
          name="reason"
          extra={S.correction.hint}
          rules={[{ required: true, whitespace: true, message: S.correction.hint }]}
        >
          <Input.TextArea maxLength={200} rows={2} />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
    </Modal>
  );
}
