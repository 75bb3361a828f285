/** The offered version: its number, date and release notes (plain text, as published). */
import { Typography } from 'antd';
import type { OfferedUpdate } from '../../../../shared/api/updates';
import { SectionTitle } from '../../ui/headings';
import { S } from './strings';

export function UpdateOffer({ offered, downloaded }: { offered: OfferedUpdate; downloaded: boolean }) {
  return (
    <div data-testid="update-offer">
      <SectionTitle style={{ marginTop: 0 }}>
        {S.updates.offered(offered.version)}
        {downloaded ? S.updates.downloaded : ''}
        {offered.releaseDate && (
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 8 }}>
            {S.updates.released(offered.releaseDate.slice(0, 10))}
          </Typography.Text>
        )}
      </SectionTitle>
      {offered.releaseNotes ? (
        <Typography.Paragraph data-testid="update-notes" style={{ whiteSpace: 'pre-wrap', background: 'rgba(0,0,0,0.02)', padding: 12, borderRadius: 6 }}>
          {offered.releaseNotes}
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary">{S.updates.noNotes}</Typography.Paragraph>
      )}
    </div>
  );
}
