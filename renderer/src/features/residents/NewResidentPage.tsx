/** 新增服务对象: personal data first; assessments and stay events follow on the person's own page. */
import { App, Button } from 'antd';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { ResidentForm } from './ResidentForm';
import { S } from './strings';

export function NewResidentPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={S.newTitle} extra={<Button onClick={() => void navigate('/residents')}>{S.back}</Button>} />
      <ResidentForm
        onSaved={(saved) => {
          void message.success(S.form.saved);
          void navigate(`/residents/${saved.id}?tab=assessments`);
        }}
      />
    </>
  );
}
