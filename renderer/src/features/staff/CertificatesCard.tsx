/** A staff member's certificates: the list with its badges, add, change, delete (asked first). */
import { App, Button, Card, Space, Table } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import type { CertificateView, StaffDetail } from '../../../../shared/api/staff';
import { CERTIFICATE_NAMES } from '../../../../shared/domain/glossary';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CertificateModal } from './CertificateModal';
import { CertificateState } from './CertificateTags';
import { S } from './strings';

export function CertificatesCard({ staff }: { staff: StaffDetail }) {
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<{ open: boolean; editing: CertificateView | null }>({ open: false, editing: null });
  const remove = useApiMutation('staff.deleteCertificate');

  const askRemove = (c: CertificateView): void => {
    void modal.confirm({
      title: S.removeCertTitle(CERTIFICATE_NAMES[c.type], c.number),
      content: S.removeCertBody,
      okText: S.removeOk,
      okButtonProps: { danger: true },
      cancelText: S.cancel,
      onOk: () => remove.mutateAsync({ id: c.id }).then(() => void message.success(S.certDeleted)),
    });
  };

  // Dates, names and tags never wrap mid-word: a date broken over two lines is misread.
  const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });
  const columns: TableProps<CertificateView>['columns'] = [
    { title: S.certType, dataIndex: 'type', onCell: nowrap, render: (t: CertificateView['type']) => CERTIFICATE_NAMES[t] },
    { title: S.certNumber, dataIndex: 'number' },
    { title: S.certLevel, dataIndex: 'level', render: (v: string | null) => v ?? '—' },
    { title: S.issuedOn, dataIndex: 'issuedOn', onCell: nowrap },
    { title: S.expiresOn, dataIndex: 'expiresOn', onCell: nowrap, render: (v: string | null) => v ?? S.noExpiry },
    { title: S.state, key: 'state', onCell: nowrap, render: (_v, c) => <CertificateState c={c} /> },
    {
      title: S.actions,
      key: 'actions',
      onCell: nowrap,
      render: (_v, c) => (
        <Space>
          <Button size="small" onClick={() => setDialog({ open: true, editing: c })} aria-label={`${S.edit}${CERTIFICATE_NAMES[c.type]} ${c.number}`}>
            {S.edit}
          </Button>
          <Button size="small" danger onClick={() => askRemove(c)} aria-label={`${S.remove}${CERTIFICATE_NAMES[c.type]} ${c.number}`}>
            {S.remove}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={S.certificates}
      extra={
        <Button type="primary" onClick={() => setDialog({ open: true, editing: null })}>
          {S.addCertificate}
        </Button>
      }
    >
      <ErrorAlert error={remove.error} />
      <Table<CertificateView>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        aria-label={S.certListLabel}
        columns={columns}
        dataSource={staff.certificates}
        pagination={false}
        locale={{ emptyText: S.noCertificatesYet }}
      />
      <CertificateModal
        staffId={staff.id}
        open={dialog.open}
        editing={dialog.editing}
        onClose={(saved) => {
          setDialog({ open: false, editing: null });
          if (saved) void message.success(S.certSaved);
        }}
      />
    </Card>
  );
}
