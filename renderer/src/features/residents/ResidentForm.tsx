/**
 * Personal data of a resident. The ID number is checked as it is typed with the same rule the
 * services apply (weighIdNumber): a number that cannot be anybody's blocks saving; a failing birth
 * date or check character is a warning and still saves, because the claim reports BAD_ID_NUMBER and
 * nothing is lost. Birth date, sex and age are read from the number and shown, never typed.
 */
import { Alert, Button, Form, Input, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ResidentDetail, ResidentInput } from '../../../../shared/api/residents';
import { normalizeIdNumber, weighIdNumber } from '../../../../shared/fields/idNumber';
import { idNumberFacts } from '../../../../shared/domain/ids';
import { phoneProblem } from '../../../../shared/domain/phone';
import type { InsuranceType } from '../../../../shared/domain/model';
import { useApiMutation } from '../../api/hooks';
import { todayLocal } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { S } from './strings';

interface FormValues {
  name: string;
  idNumber: string;
  /** '' = 未填写 */
  insuranceType?: InsuranceType | '';
  phone?: string;
  address?: string;
}

const FIELDS = new Set(['name', 'idNumber', 'phone', 'address']);

function ageOn(birth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) >= birth.slice(5) ? years : years - 1;
}

export function ResidentForm({ resident, onSaved }: { resident?: ResidentDetail; onSaved: (saved: ResidentDetail) => void }) {
  const [form] = Form.useForm<FormValues>();
  const save = useApiMutation('residents.save');
  const idNumber = normalizeIdNumber(Form.useWatch('idNumber', form) ?? '');
  const today = todayLocal();
  // The phone is checked when the field is left (a half-typed number is no mistake yet); once it
  // shows a mistake it is checked on every keystroke too, so the mistake clears as the number is
  // mended. Checked only on leaving, the mistake vanished on the mousedown of 保存: the form shrank
  // under the pointer, the button moved away before the mouseup and the click was lost.
  const [phoneFlagged, setPhoneFlagged] = useState(false);
  const weighed = idNumber.length >= 18 ? weighIdNumber(idNumber, today) : { error: null, warning: null };
  const facts = weighed.error ? null : idNumberFacts(idNumber);

  useEffect(() => {
    if (!resident) return;
    form.setFieldsValue({
      name: resident.name,
      idNumber: resident.idNumber,
      insuranceType: resident.insuranceType ?? '',
      phone: resident.phone ?? '',
      address: resident.address ?? '',
    });
  }, [resident, form]);

  const onFinish = (v: FormValues) => {
    const input: ResidentInput = {
      ...(resident ? { id: resident.id } : {}),
      name: v.name,
      idNumber: v.idNumber,
      ...(v.insuranceType ? { insuranceType: v.insuranceType } : {}),
      ...(v.phone?.trim() ? { phone: v.phone } : {}),
      ...(v.address?.trim() ? { address: v.address } : {}),
    };
    save.mutate(input, {
      onSuccess: onSaved,
      // The services name the field of each problem: show it under that field, in their words.
      onError: (e) => form.setFields(e.problems.filter((p) => FIELDS.has(p.path)).map((p) => ({ name: p.path as keyof FormValues, errors: [p.message] }))),
    });
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={onFinish}
      onFieldsChange={(changed) => {
        const phone = changed.find((f) => Array.isArray(f.name) && f.name[0] === 'phone');
        if (phone && phone.errors !== undefined) setPhoneFlagged(phone.errors.length > 0);
      }}
      aria-label={S.form.label}
      style={{ maxWidth: 560 }}
      requiredMark
    >
      <Form.Item label={S.form.name} name="name" rules={[{ required: true, whitespace: true, message: S.form.required(S.form.name) }]}>
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={S.form.idNumber}
        name="idNumber"
        normalize={normalizeIdNumber}
        rules={[
          { required: true, message: S.form.required(S.form.idNumber) },
          {
            validator: (_r, v: string) => (v && weighIdNumber(v, today).error ? Promise.reject(new Error(weighIdNumber(v, today).error!)) : Promise.resolve()),
          },
        ]}
        extra={
          <>
            {facts && (
              <Typography.Text type="secondary" data-testid="id-facts">
                {S.form.derived(facts.birthDate, facts.sex === 'male' ? S.male : S.female, ageOn(facts.birthDate, today))}
              </Typography.Text>
            )}
            {weighed.warning && (
              <Alert
                type="warning"
                showIcon
                title={`${S.form.idWarningTitle}：${weighed.warning}`}
                description={S.form.idWarningHint}
                style={{ marginTop: 8 }}
              />
            )}
          </>
        }
      >
        <Input maxLength={18} placeholder={S.form.idPlaceholder} autoComplete="off" style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      {/*
        No allowClear: antd puts its clear button in the tab order right after the select, so the Tab
        after choosing with Enter landed on it and the next typed text was lost (issue 14). 未填写 is
        an option instead, chosen like the others.
      */}
      <Form.Item label={S.form.insuranceType} name="insuranceType" initialValue="">
        <Select
          options={[{ value: '', label: S.form.insuranceNone }, ...(['employee', 'resident'] as const).map((t) => ({ value: t, label: S.form.insurance[t] }))]}
          style={{ width: 200 }}
        />
      </Form.Item>
      <Form.Item
        label={S.form.phone}
        name="phone"
        validateTrigger={phoneFlagged ? ['onChange', 'onBlur'] : 'onBlur'}
        rules={[
          {
            validator: (_r, v: string | undefined) =>
              v?.trim() && phoneProblem(v.trim()) ? Promise.reject(new Error(phoneProblem(v.trim())!)) : Promise.resolve(),
          },
        ]}
      >
        <Input maxLength={30} placeholder={S.form.phoneHint} style={{ width: 300 }} />
      </Form.Item>
      <Form.Item label={S.form.address} name="address">
        <Input maxLength={200} />
      </Form.Item>
      <ErrorAlert error={save.error} />
      <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 8 }}>
        {S.form.save}
      </Button>
    </Form>
  );
}
