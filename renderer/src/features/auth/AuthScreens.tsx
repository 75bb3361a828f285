/**
 * The screens before the app: 首次使用 (the first 管理员, then her recovery code, shown once), 登录,
 * 用恢复码重设密码 and the lock screen. Each is a form on its own page, usable from the keyboard alone
 * (Enter submits; the first field has the focus).
 */
import { Alert, Button, Card, Flex, Form, Input, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { PASSWORD_MIN, type SessionUser } from '../../../../shared/api/auth';
import { call } from '../../api/client';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageTitle } from '../../ui/headings';
import { offerDownload } from '../../ui/download';
import { S } from './strings';

function Frame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 440 }}>
        <Typography.Text type="secondary">{S.appName}</Typography.Text>
        <PageTitle style={{ marginTop: 4 }}>{title}</PageTitle>
        {children}
      </Card>
    </main>
  );
}

const passwordRules = [
  { required: true, message: S.required(S.password) },
  { min: PASSWORD_MIN, message: S.passwordRule },
];

/** A second entry of the new password, which must match the first (field `password`, or `name` given). */
function confirmRules(field: string) {
  return [
    { required: true, message: S.required(S.confirm) },
    ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
      validator: (_: unknown, v: string) => (v === getFieldValue(field) ? Promise.resolve() : Promise.reject(new Error(S.mismatch))),
    }),
  ];
}

function useSubmit<T>(fn: (values: T) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (values: T) => {
    setBusy(true);
    setError(null);
    try {
      await fn(values);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}

/** The recovery code, shown once, with ways to keep it. */
function RecoveryCode({ name, code, onDone, intro }: { name: string; code: string; onDone: () => void; intro: string }) {
  const save = () =>
    offerDownload({
      name: S.setup.fileName,
      mime: 'text/plain;charset=utf-8',
      base64: btoa(String.fromCharCode(...new TextEncoder().encode(S.setup.fileText(name, code)))),
    });
  return (
    <>
      <Alert type="warning" showIcon title={intro} style={{ marginBottom: 16 }} />
      <Typography.Paragraph>
        <code data-testid="recovery-code" style={{ fontSize: 20, letterSpacing: 1 }}>
          {code}
        </code>
      </Typography.Paragraph>
      <Space wrap>
        <Button onClick={() => window.print()}>{S.setup.print}</Button>
        <Button onClick={save}>{S.setup.save}</Button>
        <Button type="primary" onClick={onDone} autoFocus>
          {S.setup.done}
        </Button>
      </Space>
    </>
  );
}

export function SetupScreen({ onDone }: { onDone: () => void }) {
  const [made, setMade] = useState<{ name: string; code: string } | null>(null);
  const { busy, error, submit } = useSubmit(async (v: { name: string; password: string }) => {
    const r = await call('auth.setup', { name: v.name, password: v.password });
    setMade({ name: r.user.name, code: r.recoveryCode });
  });
  if (made) {
    return (
      <Frame title={S.setup.codeTitle}>
        <RecoveryCode name={made.name} code={made.code} onDone={onDone} intro={S.setup.codeIntro} />
      </Frame>
    );
  }
  return (
    <Frame title={S.setup.title}>
      <Typography.Paragraph>{S.setup.intro}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form layout="vertical" onFinish={(v: { name: string; password: string }) => void submit(v)} style={{ marginTop: 12 }}>
        <Form.Item name="name" label={S.name} rules={[{ required: true, whitespace: true, message: S.required(S.name) }]}>
          <Input autoFocus autoComplete="username" maxLength={40} />
        </Form.Item>
        <Form.Item name="password" label={S.password} rules={passwordRules} extra={S.passwordRule}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label={S.confirm} dependencies={['password']} rules={confirmRules('password')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {S.setup.submit}
        </Button>
      </Form>
    </Frame>
  );
}

export function LoginScreen({ onLoggedIn }: { onLoggedIn: (user: SessionUser) => void }) {
  const [recovering, setRecovering] = useState(false);
  const { busy, error, submit } = useSubmit(async (v: { name: string; password: string }) => {
    onLoggedIn(await call('auth.login', { name: v.name, password: v.password }));
  });
  if (recovering) return <RecoverScreen onBack={() => setRecovering(false)} />;
  return (
    <Frame title={S.login.title}>
      <ErrorAlert error={error} />
      <Form layout="vertical" onFinish={(v: { name: string; password: string }) => void submit(v)} style={{ marginTop: 12 }}>
        <Form.Item name="name" label={S.name} rules={[{ required: true, whitespace: true, message: S.required(S.name) }]}>
          <Input autoFocus autoComplete="username" maxLength={40} />
        </Form.Item>
        <Form.Item name="password" label={S.password} rules={[{ required: true, message: S.required(S.password) }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Flex vertical gap={8}>
          <Button type="primary" htmlType="submit" loading={busy} block>
            {S.login.submit}
          </Button>
          <Button type="link" onClick={() => setRecovering(true)}>
            {S.login.forgot}
          </Button>
        </Flex>
      </Form>
    </Frame>
  );
}

function RecoverScreen({ onBack }: { onBack: () => void }) {
  const [made, setMade] = useState<{ name: string; code: string } | null>(null);
  const { busy, error, submit } = useSubmit(async (v: { name: string; code: string; password: string }) => {
    const r = await call('auth.recover', { name: v.name, recoveryCode: v.code, password: v.password });
    setMade({ name: v.name, code: r.recoveryCode });
  });
  if (made) {
    return (
      <Frame title={S.setup.codeTitle}>
        <RecoveryCode name={made.name} code={made.code} onDone={onBack} intro={S.recover.newCode} />
      </Frame>
    );
  }
  return (
    <Frame title={S.recover.title}>
      <ErrorAlert error={error} />
      <Form layout="vertical" onFinish={(v: { name: string; code: string; password: string }) => void submit(v)} style={{ marginTop: 12 }}>
        <Form.Item name="name" label={S.name} rules={[{ required: true, whitespace: true, message: S.required(S.name) }]}>
          <Input autoFocus autoComplete="username" maxLength={40} />
        </Form.Item>
        <Form.Item name="code" label={S.recover.code} rules={[{ required: true, whitespace: true, message: S.required(S.recover.code) }]}>
          <Input autoComplete="off" maxLength={100} />
        </Form.Item>
        <Form.Item name="password" label={S.recover.next} rules={passwordRules} extra={S.passwordRule}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label={S.confirm} dependencies={['password']} rules={confirmRules('password')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Flex vertical gap={8}>
          <Button type="primary" htmlType="submit" loading={busy} block>
            {S.recover.submit}
          </Button>
          <Button type="link" onClick={onBack}>
            {S.recover.back}
          </Button>
        </Flex>
      </Form>
    </Frame>
  );
}

export function LockScreen({ user, onUnlocked, onLogout }: { user: SessionUser; onUnlocked: () => void; onLogout: () => void }) {
  const { busy, error, submit } = useSubmit(async (v: { password: string }) => {
    await call('auth.unlock', { password: v.password });
    onUnlocked();
  });
  return (
    <Frame title={S.lock.title}>
      <Typography.Paragraph>{S.lock.intro(user.name)}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form layout="vertical" onFinish={(v: { password: string }) => void submit(v)} style={{ marginTop: 12 }}>
        <Form.Item name="password" label={S.password} rules={[{ required: true, message: S.required(S.password) }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <Flex vertical gap={8}>
          <Button type="primary" htmlType="submit" loading={busy} block>
            {S.lock.submit}
          </Button>
          <Button type="link" onClick={onLogout}>
            {S.lock.other}
          </Button>
        </Flex>
      </Form>
    </Frame>
  );
}
