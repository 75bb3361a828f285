/**
 * Add or change a certificate. A nurse licence's expiry follows its issue date (5 years, docs/rules.md
 * §3) until the user types one of their own; an expiry before the issue date is refused here
 * and again by the services.
 */
import { AutoComplete, Form, Input, Modal, Select } from 'antd';
import { useEffect, useRef } from 'react';
import { nurseLicenceDefaultExpiry, type CertificateInput, type CertificateView } from '../../../../shared/api/staff';
import { CERTIFICATE_NAMES } from '../../../../shared/domain/glossary';
import { CERTIFICATE_TYPES, type CertificateType } from '../../../../shared/domain/model';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { DateInput } from '../../ui/DateInput';
import { S } from './strings';

interface Values {
  type: CertificateType;
  number: string;
  level?: string;
  issuedOn: string | null;
  expiresOn?: string | null;
}

export function CertificateModal({
  staffId,
  editing,
  open,
  onClose,
}: {
  staffId: number;
  editing: CertificateView | null;
  open: boolean;
  onClose: (saved: boolean) => void;
}) {
  const [form] = Form.useForm<Values>();
  const save = useApiMutation('staff.saveCertificate');
  // The mutation's reset keeps its identity for the dialog's life (the save object itself does not).
  const { reset: resetSave } = save;
  const type = Form.useWatch('type', form);
  // The expiry we filled in ourselves; once the user types another, it is theirs.
  const autoExpiry = useRef<string | null>(null);

  useEffect(() => {
    if (!open) return;
    resetSave();
    autoExpiry.current = null;
    form.resetFields();
    form.setFieldsValue(
      editing
        ? { type: editing.type, number: editing.number, level: editing.level ?? '', issuedOn: editing.issuedOn, expiresOn: editing.expiresOn }
        : { type: 'nurse-licence', number: '', level: '', issuedOn: null, expiresOn: null },
    );
    // Filled when the dialog opens or is given another certificate: `editing` is the dialog's state, not
    // query data, so a save's refetch does not run this again mid-save.
  }, [open, editing, form, resetSave]);

  const onValues = (changed: Partial<Values>, all: Values): void => {
    if (!('issuedOn' in changed || 'type' in changed)) return;
    const current = all.expiresOn ?? null;
    if (all.type === 'nurse-licence' && all.issuedOn && (current === null || current === autoExpiry.current)) {
      const next = nurseLicenceDefaultExpiry(all.issuedOn);
      autoExpiry.current = next;
      form.setFieldsValue({ expiresOn: next });
    }
  };

  const onOk = async (): Promise<void> => {
    const v = await form.validateFields();
    const input: CertificateInput = {
      ...(editing ? { id: editing.id } : {}),
      staffId,
      type: v.type,
      number: v.number,
      ...(v.level ? { level: v.level } : {}),
      issuedOn: v.issuedOn ?? '',
      ...(v.expiresOn ? { expiresOn: v.expiresOn } : {}),
    };
    save.mutate(input, { onSuccess: () => onClose(true) });
  };

  return (
    <Modal
      open={open}
      title={editing ? S.editCertificate : S.addCertificate}
      okText={S.saveCertificate}
      cancelText={S.cancel}
      confirmLoading={save.isPending}
      onOk={() => void onOk().catch(() => undefined)}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onValuesChange={onValues} aria-label={S.certFormLabel}>
        <Form.Item label={S.certType} name="type" rules={[{ required: true, message: S.required(S.certType) }]}>
          <Select options={CERTIFICATE_TYPES.map((t) => ({ value: t, label: CERTIFICATE_NAMES[t] }))} />
        </Form.Item>
        <Form.Item label={S.certNumber} name="number" rules={[{ required: true, whitespace: true, message: S.required(S.certNumber) }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label={S.certLevel} name="level">
          <AutoComplete options={(S.certLevels[type ?? 'nurse-licence'] ?? []).map((l) => ({ value: l }))} maxLength={30} />
        </Form.Item>
        <Form.Item label={S.issuedOn} name="issuedOn" rules={[{ required: true, message: S.required(S.issuedOn) }]}>
          <DateInput />
        </Form.Item>
        <Form.Item
          label={S.expiresOn}
          name="expiresOn"
          extra={type === 'nurse-licence' ? S.nurseExpiryHint : S.otherExpiryHint}
          dependencies={['issuedOn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_r, v: string | null) => {
                const issued = getFieldValue('issuedOn') as string | null;
                return v && issued && v < issued ? Promise.reject(new Error(S.expiryBeforeIssue)) : Promise.resolve();
              },
            }),
          ]}
        >
          <DateInput />
        </Form.Item>
      </Form>
      <ErrorAlert error={save.error} />
    </Modal>
  );
}
