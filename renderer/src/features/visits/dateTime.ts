/**
 * Local times as the contract carries them (`YYYY-MM-DDTHH:mm`) and as people read them
 * (`YYYY-MM-DD HH:mm`). dayjs parses and formats in local time, so nothing passes through UTC.
 */
import dayjs, { type Dayjs } from 'dayjs';

export const DISPLAY_TIME = 'YYYY-MM-DD HH:mm';
export const DISPLAY_DATE = 'YYYY-MM-DD';
const WIRE_TIME = 'YYYY-MM-DDTHH:mm';

export const toWire = (d: Dayjs | null | undefined): string | undefined => (d ? d.format(WIRE_TIME) : undefined);
// dayjs reads `YYYY-MM-DDTHH:mm` (no offset) as local time.
export const fromWire = (s: string | null | undefined): Dayjs | undefined => (s ? dayjs(s) : undefined);
export const showTime = (s: string | null | undefined): string => (s ? s.replace('T', ' ') : '');
