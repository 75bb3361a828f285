/**
 * A person's certificates as badges: the type, and the 60/30/7-day expiry tag when one is due
 * (the services computed the band from the pack's reminder leads). Details in the tooltip.
 */
import { Flex, Tag, Tooltip } from 'antd';
import type { CertificateView } from '../../../../shared/api/staff';
import { CERTIFICATE_NAMES } from '../../../../shared/domain/glossary';
import { ExpiryTag } from '../../ui/ExpiryTag';
import { S } from './strings';

export function CertificateState({ c }: { c: CertificateView }) {
  if (c.band !== null && c.daysLeft !== null) return <ExpiryTag daysLeft={c.daysLeft} />;
  if (!c.validOnDate) return <Tag>{S.notYet}</Tag>;
  return <Tag color="green">{c.expiresOn ? S.valid : S.noExpiry}</Tag>;
}

export function CertificateTags({ certificates }: { certificates: CertificateView[] }) {
  if (certificates.length === 0) return <Tag>{S.noCertificates}</Tag>;
  return (
    <Flex vertical gap={4}>
      {certificates.map((c) => (
        <Tooltip key={c.id} title={S.certTip(c.number, c.level, c.issuedOn, c.expiresOn)}>
          <Flex gap={4} align="center" data-testid="certificate-badge">
            <Tag color={c.validOnDate ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
              {CERTIFICATE_NAMES[c.type]}
            </Tag>
            {c.band !== null && c.daysLeft !== null && <ExpiryTag daysLeft={c.daysLeft} />}
          </Flex>
        </Tooltip>
      ))}
    </Flex>
  );
}
