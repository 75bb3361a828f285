/**
 * 数据加密 (issue 16 §3, decisions.md D37): whether the database file is encrypted at rest, and for a plain
 * one (made before encryption existed) the one step that encrypts it: the 管理员 gives her recovery code (the
 * new key is also kept under it, for another PC), confirms, and waits while a verified backup is taken and
 * the file is encrypted, checked and swapped in. Every other call waits meanwhile (safeMode.ts).
 */
import { Alert, Button, Card, Checkbox, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { DatabaseEncryption, EncryptOutcome } from '../../../../shared/api/app';
import { ApiCallError } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { S } from './strings';

const E = S.encryption;

function EncryptModal({ open, askCode, onClose, onDone }: { open: boolean; askCode: boolean; onClose(): void; onDone(o: EncryptOutcome): void }) {
  const [form] = Form.useForm<{ recoveryCode: string; encryptBackups: boolean }>();
  const encrypt = useApiMutation('app.encryptDatabase');
  // a wrong code is said under its field; anything else above the form
  const codeProblem = encrypt.error instanceof ApiCallError ? encrypt.error.problems.find((p) => p.path === 'recoveryCode') : undefined;
  return (
    <Modal
      open={open}
      title={E.modalTitle}
      okText={encrypt.isPending ? E.working : E.ok}
      cancelText={E.cancel}
      confirmLoading={encrypt.isPending}
      cancelButtonProps={{ disabled: encrypt.isPending }}
      closable={!encrypt.isPending}
      maskClosable={false}
      keyboard={!encrypt.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        encrypt.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>{E.steps}</Typography.Paragraph>
      {!codeProblem && <ErrorAlert error={encrypt.error} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ encryptBackups: true }}
        onFinish={(v) =>
          encrypt.mutate({ ...(askCode && { recoveryCode: v.recoveryCode }), encryptBackups: v.encryptBackups, confirm: true }, { onSuccess: onDone })
        }
        style={{ marginTop: 12 }}
        data-testid="encrypt-form"
      >
        {!askCode && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={E.noCodeYet} />}
        <Form.Item
          hidden={!askCode}
          name="recoveryCode"
          label={E.code}
          extra={E.codeHint}
          rules={askCode ? [{ required: true, whitespace: true, message: E.codeRequired }] : []}
          validateStatus={codeProblem ? 'error' : undefined}
          help={codeProblem?.message}
        >
          <Input autoFocus autoComplete="off" spellCheck={false} disabled={encrypt.isPending} onChange={() => encrypt.error && encrypt.reset()} />
        </Form.Item>
        <Form.Item name="encryptBackups" valuePropName="checked" extra={E.backupsHint}>
          <Checkbox disabled={encrypt.isPending}>{E.backups}</Checkbox>
        </Form.Item>
        {/* Enter in the code submits */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

function Outcome({ o }: { o: EncryptOutcome }) {
  return (
    <Alert
      type={o.backupsFailed.length > 0 ? 'warning' : 'success'}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="encrypt-outcome"
      message={E.done}
      description={
        <>
          {o.newRecoveryCode && (
            <Alert
              type="warning"
              style={{ margin: '8px 0' }}
              data-testid="new-recovery-code"
              message={
                <>
                  {E.newCode}
                  <Typography.Text code copyable strong style={{ fontSize: 18 }}>
                    {o.newRecoveryCode}
                  </Typography.Text>
                </>
              }
              description={E.newCodeKeep}
            />
          )}
          <div>{E.doneChecked(o.tables, o.rows, o.auditRows)}</div>
          <div>
            {E.doneBackup}
            <code>{o.backup}</code>
          </div>
          <div>{o.backupsEncrypted.length > 0 ? E.doneBackups(o.backupsEncrypted.length) : E.backupsLeftPlain}</div>
          {o.backupsFailed.map((f) => (
            <div key={f.name}>{E.backupFailed(f.name, f.reason)}</div>
          ))}
        </>
      }
    />
  );
}

export function EncryptionCard({ encryption, desktop }: { encryption: DatabaseEncryption; desktop: boolean }) {
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<EncryptOutcome | null>(null);
  return (
    <Card title={E.title} style={{ marginTop: 16 }} data-testid="encryption">
      {outcome && <Outcome o={outcome} />}
      {encryption.encrypted ? (
        <Typography.Paragraph>
          <Tag color="green">{E.on}</Tag>
          {desktop ? E.onDesktop : E.onBrowser}
        </Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph>
            <Tag color="orange">{E.off}</Tag>
            {E.offWhy}
          </Typography.Paragraph>
          {encryption.unavailable ? (
            <Alert type="info" showIcon message={encryption.unavailable} />
          ) : (
            <Button type="primary" onClick={() => setOpen(true)}>
              {E.start}
            </Button>
          )}
        </>
      )}
      <EncryptModal
        open={open}
        askCode={encryption.hasRecoveryCode}
        onClose={() => setOpen(false)}
        onDone={(o) => {
          setOutcome(o);
          setOpen(false);
        }}
      />
    </Card>
  );
}
