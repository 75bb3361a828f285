import { Result } from 'antd';
import { PageHeader } from './PageHeader';

/** A screen whose feature has not been built yet says so, and where to do the job meanwhile. */
export function Placeholder({ title, hint }: { title: string; hint: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Result status="info" title={`${title}功能即将提供`} subTitle={hint} />
    </>
  );
}
