import { describe, expect, it } from 'vitest';
import { DESTINATIONS } from '../../../utils/report/destinations';
import { SERVICE_IDS } from '../../../utils/settings/destination-ids';

/**
 * The settings and the school policy name services by id from utils/settings/destination-ids.ts, so they need not
 * import the report table (utils/report/ depends on utils/settings/, not the reverse). The two lists are written by
 * hand in two places: this pins that they agree, in order (the policy's error message lists ids in this order).
 */
describe('destination ids', () => {
  it('every row has its id in the settings list, in table order, and every listed id has a row', () => {
    expect(DESTINATIONS.map((d) => d.id)).toEqual([...SERVICE_IDS]);
  });

  it('ids are unique', () => {
    expect(new Set(SERVICE_IDS).size).toBe(SERVICE_IDS.length);
  });
});
