/** 用户管理 (管理员 only): the users and their roles; add one, reset a password, disable or enable; the idle lock. */
import { App, Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { PASSWORD_MIN, ROLE_NAMES, ROLE_SCOPES, ROLES, type Role, type UserRow } from '../../../../shared/api/auth';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { SectionTitle } from '../../ui/headings';
import { useSession } from './session';
import { S } from './strings';

const passwordRules = [
  { required: true, message: S.required(S.users.newPassword) },
  { min: PASSWORD_MIN, message: S.passwordRule },
];

function AddUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; role: Role; password: string }>();
  const add = useApiMutation('users.add');
  return (
    <Modal
      open={open}
      title={S.users.add}
      okText={S.users.ok}
      cancelText={S.users.cancel}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        add.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <ErrorAlert error={add.error} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ role: 'clerk' }}
        onFinish={(v) =>
          add.mutate(v, {
            onSuccess: (u) => {
              void message.success(S.users.added(u.name));
              onClose();
            },
          })
        }
        style={{ marginTop: 12 }}
      >
        <Form.Item name="name" label={S.users.name} rules={[{ required: true, whitespace: true, message: S.required(S.users.name) }]}>
          <Input autoFocus maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={S.users.role} rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: `${ROLE_NAMES[r]}：${ROLE_SCOPES[r]}` }))} />
        </Form.Item>
        <Form.Item name="password" label={S.password} rules={passwordRules} extra={S.passwordRule}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

function ResetModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useApiMutation('users.resetPassword');
  return (
    <Modal
      open={!!user}
      title={user ? S.users.resetTitle(user.name) : ''}
      okText={S.users.ok}
      cancelText={S.users.cancel}
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        reset.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <ErrorAlert error={reset.error} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) =>
          user &&
          reset.mutate(
            { id: user.id, password: v.password },
            {
              onSuccess: () => {
                void message.success(S.users.resetDone(user.name));
                onClose();
              },
            },
          )
        }
        style={{ marginTop: 12 }}
      >
        <Form.Item name="password" label={S.users.newPassword} rules={passwordRules} extra={S.passwordRule}>
          <Input.Password autoFocus autoComplete="new-password" />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

function IdleSetting() {
  const { message } = App.useApp();
  const session = useSession();
  const save = useApiMutation('auth.saveSettings');
  const [minutes, setMinutes] = useState<number | null>(null);
  const current = minutes ?? session?.status.idleMinutes ?? 0;
  return (
    <>
      <SectionTitle style={{ marginTop: 24 }}>{S.users.idle}</SectionTitle>
      <ErrorAlert error={save.error} />
      <Space>
        <InputNumber aria-label={S.users.idle} min={0} max={240} precision={0} value={current} onChange={(v) => setMinutes(v ?? 0)} />
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { idleMinutes: current },
              {
                // 已保存 once the window has the new minutes (the session's refresh): from then on the lock
                // counts them. Said before, an idle spell right after it was counted by the old setting.
                onSuccess: () => void (session?.refresh() ?? Promise.resolve()).then(() => message.success(S.users.idleSaved)),
              },
            )
          }
        >
          {S.users.idleSave}
        </Button>
      </Space>
    </>
  );
}

export function UsersPage() {
  const session = useSession();
  const users = useApiQuery('users.list', undefined);
  const setDisabled = useApiMutation('users.setDisabled');
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  return (
    <>
      <PageHeader
        title={S.users.title}
        extra={
          <Button type="primary" onClick={() => setAdding(true)}>
            {S.users.add}
          </Button>
        }
      />
      <ErrorAlert error={users.error ?? setDisabled.error} />
      <Table<UserRow>
        rowKey="id"
        loading={users.isLoading}
        dataSource={users.data ?? []}
        pagination={false}
        columns={[
          { title: S.users.name, dataIndex: 'name', render: (n: string, u) => (u.id === session?.user.id ? `${n}${S.users.you}` : n) },
          { title: S.users.role, dataIndex: 'role', render: (r: Role) => ROLE_NAMES[r] },
          { title: S.users.scope, dataIndex: 'role', key: 'scope', render: (r: Role) => ROLE_SCOPES[r] },
          {
            title: S.users.status,
            key: 'status',
            render: (_: unknown, u) =>
              u.disabled ? (
                <Tag>{S.users.disabled}</Tag>
              ) : u.lockedUntil ? (
                <Tag color="red">{S.users.lockedUntil(u.lockedUntil.slice(11, 16))}</Tag>
              ) : (
                <Tag color="green">{S.users.active}</Tag>
              ),
          },
          {
            title: S.users.actions,
            key: 'actions',
            render: (_: unknown, u) => (
              <Space>
                <Button size="small" onClick={() => setResetting(u)} aria-label={`${S.users.reset}：${u.name}`}>
                  {S.users.reset}
                </Button>
                {u.disabled ? (
                  <Button size="small" onClick={() => setDisabled.mutate({ id: u.id, disabled: false })} aria-label={`${S.users.enable}：${u.name}`}>
                    {S.users.enable}
                  </Button>
                ) : (
                  u.id !== session?.user.id && (
                    <Popconfirm
                      title={S.users.disableConfirm(u.name)}
                      okText={S.users.disable}
                      cancelText={S.users.cancel}
                      onConfirm={() => setDisabled.mutate({ id: u.id, disabled: true })}
                    >
                      <Button size="small" danger aria-label={`${S.users.disable}：${u.name}`}>
                        {S.users.disable}
                      </Button>
                    </Popconfirm>
                  )
                )}
              </Space>
            ),
          },
        ]}
      />
      <IdleSetting />
      <AddUserModal open={adding} onClose={() => setAdding(false)} />
      <ResetModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
