/**
 * The bed plan (床位): a floor beside the room, so the occupancy board can group beds the way a
 * nurse walks them. Occupancy itself is never stored: it is derived from admit events' bed codes.
 * The partial index serves "is this bed used by any stay?" (a used code cannot be renamed or deleted)
 * and the board's lookups without scanning every event.
 */
import type { Migration } from './types';

const SQL = `
ALTER TABLE beds ADD COLUMN floor TEXT;
CREATE INDEX stay_events_by_bed ON stay_events (bed, date) WHERE bed IS NOT NULL;
`;

export const migration002: Migration = {
  number: 2,
  name: 'beds',
  up: (db) => db.exec(SQL),
};
