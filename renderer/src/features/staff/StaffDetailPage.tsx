/**
 * One staff member (/staff/:id) or a new one (/staff/new): personal data, then certificates.
 * `?focus=certificates` (the claim's certificate issues link so) brings the certificates into view.
 */
import { Alert, App, Button, Card, Col, Result, Row, Skeleton, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { CertificatesCard } from './CertificatesCard';
import { StaffForm } from './StaffForm';
import { S } from './strings';

export function StaffDetailPage() {
  const { id: param } = useParams();
  const id = param && /^\d+$/.test(param) ? Number(param) : null;
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const detail = useApiQuery('staff.get', { id: id ?? 0 }, { enabled: id !== null });
  const remove = useApiMutation('staff.delete');
  const staff = id === null ? null : (detail.data ?? null);
  const focus = useSearchParams()[0].get('focus');
  const certificates = useRef<HTMLElement>(null);
  const loadedId = staff?.id;
  useEffect(() => {
    // Once, when the record has loaded: focusing scrolls the section into view for keyboard and eye alike.
    if (focus === 'certificates' && loadedId !== undefined) certificates.current?.focus();
  }, [focus, loadedId]);

  if (id !== null && detail.isLoading) return <Skeleton active />;
  if (id !== null && detail.error) {
    return <Result status="warning" title={detail.error.message} extra={<Button onClick={() => void navigate('/staff')}>{S.back}</Button>} />;
  }

  const askDelete = (): void => {
    if (!staff) return;
    void modal.confirm({
      title: S.deleteTitle(staff.name),
      content: S.deleteBody,
      okText: S.deleteOk,
      okButtonProps: { danger: true },
      cancelText: S.cancel,
      onOk: () =>
        remove.mutateAsync({ id: staff.id }).then(
          () => {
            void message.success(S.deleted);
            void navigate('/staff');
          },
          // The refusal (visits on record) is shown on the page, where it stays readable.
          () => undefined,
        ),
    });
  };

  return (
    <>
      <PageHeader
        title={staff?.name ?? S.newTitle}
        subtitle={staff ? `${staff.ref} · ${S.visits(staff.visitCount)}` : undefined}
        extra={
          <>
            <Button onClick={() => void navigate('/staff')}>{S.back}</Button>
            {staff && (
              <Button danger onClick={askDelete}>
                {S.delete}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={remove.error} />
      {staff?.idWarning && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`${S.idWarning}：${staff.idWarning}`} />}
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={8}>
          <Card title={S.basics}>
            <StaffForm
              staff={staff}
              onSaved={(s, created) => {
                void message.success(created ? S.created : S.saved);
                if (created) void navigate(`/staff/${s.id}`, { replace: true });
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          {staff ? (
            <section ref={certificates} tabIndex={-1} aria-label={S.certificates} data-testid="staff-certificates" style={{ outline: 'none' }}>
              <CertificatesCard staff={staff} />
            </section>
          ) : (
            <Card title={S.certificates}>
              <Typography.Text type="secondary">{S.saveFirst}</Typography.Text>
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
