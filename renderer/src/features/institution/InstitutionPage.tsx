/** 机构设置: name, codes, region, policy pack (its numbers shown read-only), address, phone and bank (printed on the claim summary) and the price list in yuan. */
import { App, Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Skeleton, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { InstitutionInput } from '../../../../shared/api/institution';
import { usccProblem } from '../../../../shared/domain/ids';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { YuanInput, type YuanValue } from '../../ui/YuanInput';
import { yuanRule } from '../../ui/yuanRules';
import { PackNumbers } from './PackNumbers';
import { S } from './strings';

interface FormValues {
  name: string;
  uscc: string;
  agencyCode: string;
  region: string;
  policy: string;
  beds?: number | null;
  address?: string;
  phone?: string;
  bankName?: string;
  bankAccount?: string;
  /** fen; text only while it is not an amount, and then the form's rules refuse it (yuanRule) */
  daily: Record<string, YuanValue | undefined>;
  hourlyFeeFen?: YuanValue;
  visitFeeFen?: YuanValue;
}

const LEVELS = ['1', '2', '3', '4', '5'];

export function InstitutionPage() {
  const { message } = App.useApp();
  const current = useApiQuery('institution.get', undefined);
  const packs = useApiQuery('policy.list', undefined);
  const save = useApiMutation('institution.save');
  const [form] = Form.useForm<FormValues>();
  const policy = Form.useWatch('policy', form);
  const uscc = Form.useWatch('uscc', form);
  const [usccNote, setUsccNote] = useState<string | null>(null);

  useEffect(() => {
    const i = current.data;
    if (i === undefined) return;
    form.setFieldsValue(
      i
        ? {
            name: i.name,
            uscc: i.uscc,
            agencyCode: i.agencyCode,
            region: i.region,
            policy: i.policy,
            beds: i.beds ?? null,
            address: i.address ?? '',
            phone: i.phone ?? '',
            bankName: i.bankName ?? '',
            bankAccount: i.bankAccount ?? '',
            daily: Object.fromEntries(LEVELS.map((l) => [l, i.prices.dailyFeeFen?.[l] ?? null])),
            hourlyFeeFen: i.prices.hourlyFeeFen ?? null,
            visitFeeFen: i.prices.visitFeeFen ?? null,
          }
        : { policy: 'ningbo-2022', daily: {} },
    );
  }, [current.data, form]);

  useEffect(() => {
    const p = uscc && uscc.length === 18 ? usccProblem(uscc.toUpperCase()) : null;
    setUsccNote(p?.kind === 'checksum' ? p.message : null);
  }, [uscc]);

  if (current.isLoading || packs.isLoading) return <Skeleton active />;
  const pack = packs.data?.find((p) => p.id === policy);

  const onFinish = (v: FormValues) => {
    const fen = (f: YuanValue | undefined): f is number => typeof f === 'number';
    const daily = Object.fromEntries(Object.entries(v.daily ?? {}).filter(([, f]) => fen(f))) as Record<string, number>;
    const input: InstitutionInput = {
      name: v.name,
      uscc: v.uscc,
      agencyCode: v.agencyCode,
      region: v.region,
      policy: v.policy,
      ...(v.beds != null ? { beds: v.beds } : {}),
      // an emptied field is left out, so it is cleared (the summary prints only what is set)
      ...(v.address?.trim() ? { address: v.address.trim() } : {}),
      ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
      ...(v.bankName?.trim() ? { bankName: v.bankName.trim() } : {}),
      ...(v.bankAccount?.trim() ? { bankAccount: v.bankAccount.trim() } : {}),
      prices: {
        ...(Object.keys(daily).length > 0 ? { dailyFeeFen: daily } : {}),
        ...(fen(v.hourlyFeeFen) ? { hourlyFeeFen: v.hourlyFeeFen } : {}),
        ...(fen(v.visitFeeFen) ? { visitFeeFen: v.visitFeeFen } : {}),
      },
    };
    save.mutate(input, { onSuccess: () => void message.success(S.saved) });
  };

  return (
    <>
      <PageHeader title={S.title} subtitle={S.subtitle} />
      <Row gutter={24}>
        <Col xs={24} xl={12}>
          <Form form={form} layout="vertical" onFinish={onFinish} aria-label={S.formLabel}>
            <Card title={S.basics}>
              <Form.Item label={S.name} name="name" rules={[{ required: true, message: S.nameRequired }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item
                label={S.uscc}
                name="uscc"
                normalize={(v: string) => v.toUpperCase().trim()}
                rules={[
                  { required: true, message: S.usccRequired },
                  {
                    validator: (_r, v: string) => {
                      const p = v ? usccProblem(v) : null;
                      return p?.kind === 'format' ? Promise.reject(new Error(p.message)) : Promise.resolve();
                    },
                  },
                ]}
                extra={usccNote && <Alert type="warning" showIcon title={usccNote} />}
              >
                <Input maxLength={18} placeholder={S.usccPlaceholder} />
              </Form.Item>
              <Form.Item label={S.agencyCode} name="agencyCode" rules={[{ required: true, message: S.agencyCodeRequired }]}>
                <Input maxLength={40} placeholder={S.agencyCodePlaceholder} />
              </Form.Item>
              <Form.Item label={S.region} name="region" rules={[{ required: true, pattern: /^\d{6}$/, message: S.regionPattern }]}>
                <Input maxLength={6} placeholder={S.regionPlaceholder} />
              </Form.Item>
              <Form.Item label={S.beds} name="beds">
                <InputNumber min={0} max={100000} />
              </Form.Item>
              <Form.Item label={S.policy} name="policy" rules={[{ required: true, message: S.policyRequired }]}>
                <Select options={(packs.data ?? []).map((p) => ({ value: p.id, label: `${p.title}（${p.id}）` }))} />
              </Form.Item>
            </Card>
            <Card title={S.contact} extra={S.contactNote} style={{ marginTop: 16 }}>
              <Form.Item label={S.address} name="address">
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item label={S.phone} name="phone">
                <Input maxLength={40} />
              </Form.Item>
              <Form.Item label={S.bankName} name="bankName">
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item label={S.bankAccount} name="bankAccount" rules={[{ pattern: /^[0-9 -]*$/, message: S.bankAccountPattern }]}>
                <Input maxLength={40} inputMode="numeric" />
              </Form.Item>
            </Card>
            <Card title={S.prices} style={{ marginTop: 16 }}>
              <Space wrap size="large">
                {LEVELS.map((l) => (
                  <Form.Item key={l} label={S.dailyFee(l)} name={['daily', l]} rules={[yuanRule(S.dailyFee(l))]}>
                    <YuanInput aria-label={S.dailyFee(l)} />
                  </Form.Item>
                ))}
              </Space>
              <Space wrap size="large">
                <Form.Item label={S.hourlyFee} name="hourlyFeeFen" rules={[yuanRule(S.hourlyFee)]}>
                  <YuanInput aria-label={S.hourlyFee} />
                </Form.Item>
                <Form.Item label={S.visitFee} name="visitFeeFen" rules={[yuanRule(S.visitFee)]}>
                  <YuanInput aria-label={S.visitFee} />
                </Form.Item>
              </Space>
            </Card>
            <div style={{ marginTop: 16 }}>
              <ErrorAlert error={save.error} />
              <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 8 }}>
                {S.save}
              </Button>
            </div>
          </Form>
        </Col>
        <Col xs={24} xl={12}>
          {pack && <PackNumbers pack={pack.pack} />}
        </Col>
      </Row>
    </>
  );
}
