/** The offered version: its number, date and release notes (plain text, as published). */
import { Typography } from 'antd';
import type { OfferedUpdate } from '../../../../shared/api/updates';
import { SectionTitle } from '../../ui/headings';

export function UpdateOffer({ offered, downloaded }: { offered: OfferedUpdate; downloaded: boolean }) {
  return (
    <div data-testid="update-offer">
      <SectionTitle style={{ marginTop: 0 }}>
        {`新版本 ${offered.version}`}
        {downloaded ? '（已下载）' : ''}
        {offered.releaseDate && <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 8 }}>{`发布于 ${offered.releaseDate.slice(0, 10)}`}</Typography.Text>}
      </SectionTitle>
      {offered.releaseNotes ? (
        <Typography.Paragraph data-testid="update-notes" style={{ whiteSpace: 'pre-wrap', background: 'rgba(0,0,0,0.02)', padding: 12, borderRadius: 6 }}>
          {offered.releaseNotes}
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary">此版本没有附更新说明。</Typography.Paragraph>
      )}
    </div>
  );
}
