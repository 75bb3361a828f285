/** The logged-in user in the frame: her name and role, 修改密码, 锁定窗口, 退出登录. */
import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { PASSWORD_MIN, ROLE_NAMES } from '../../../../shared/api/auth';
import { call } from '../../api/client';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useSession } from './session';
import { S } from './strings';

function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ current: string; next: string; confirm: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const save = async (v: { current: string; next: string }) => {
    setBusy(true);
    setError(null);
    try {
      await call('auth.changePassword', { current: v.current, next: v.next });
      void message.success(S.change.done);
      form.resetFields();
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={S.change.title}
      okText={S.change.ok}
      cancelText={S.change.cancel}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => {
        form.resetFields();
        setError(null);
        onClose();
      }}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} style={{ marginTop: 12 }}>
        <Form.Item name="current" label={S.change.current} rules={[{ required: true, message: S.required(S.change.current) }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="next"
          label={S.change.next}
          rules={[
            { required: true, message: S.required(S.change.next) },
            { min: PASSWORD_MIN, message: S.passwordRule },
          ]}
          extra={S.passwordRule}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={S.confirm}
          dependencies={['next']}
          rules={[
            { required: true, message: S.required(S.confirm) },
            ({ getFieldValue }) => ({
              validator: (_, v: string) => (v === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error(S.mismatch))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {/* Enter in any field submits */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

export function UserMenu() {
  const session = useSession();
  const [changing, setChanging] = useState(false);
  // the dialog (a modal and its form) is made when first opened, not with every window's first screen
  const [everChanged, setEverChanged] = useState(false);
  if (!session) return null;
  const { user } = session;
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'change', label: S.user.change },
            { key: 'lock', label: S.user.lockNow },
            { key: 'logout', label: S.user.logout },
          ],
          onClick: ({ key }) => {
            if (key === 'change') {
              setEverChanged(true);
              setChanging(true);
            } else if (key === 'lock') void session.lock();
            else void session.logout();
          },
        }}
      >
        <Button type="text" icon={<UserOutlined aria-hidden />} data-testid="user-menu" style={{ margin: '0 16px 8px' }}>
          {S.user.menu(user.name, ROLE_NAMES[user.role])} <DownOutlined aria-hidden />
        </Button>
      </Dropdown>
      {everChanged && <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />}
    </>
  );
}
