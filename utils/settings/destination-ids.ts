/**
 * The ids of the outside services a report can go to, in table order (utils/report/destinations/: Canada, Québec,
 * France, United Kingdom). Plain constants (no table, no zod) so the settings and the school policy can name services
 * (`enabledDestinations`) without importing the report code: utils/report/ depends on utils/settings/, never the
 * reverse. Each row's id must be one of these (DestinationRow does not compile otherwise) and
 * tests/unit/report/destination-ids.test.ts checks every id here has its row, in the same order.
 */
export const SERVICE_IDS = [
  // Canada
  'cybertip',
  'needhelpnow',
  'ca988',
  'kidshelpphone',
  'cachildwelfare',
  // Québec
  'dpj',
  'qcsuicide',
  'qc811',
  'qcprotecteur',
  // France
  'fr3018',
  'pharos',
  'frpolice',
  'allo119',
  'fr3114',
  'fr15',
  'pointdecontact',
  'fracademie',
  // United Kingdom
  'ceop',
  'iwf',
  'reportremove',
  'nspcc',
  'childline',
  'samaritans',
  'papyrus',
  'uk101',
  'rhc',
  'posh',
  'lado',
] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];
