/**
 * Sub-regions that change who a teacher calls: the Québec youth-protection (DPJ) regions and the provinces and
 * territories of the rest of Canada. Plain constants (no zod) so the settings schema can import them cheaply; the
 * report code (utils/report/destinations/) reads them from here (utils/report/ depends on utils/settings/, never
 * the reverse).
 * Chosen in the options page or by school policy (`dpjRegion`, `province`); '' = not chosen (every line listed).
 */
export const DPJ_REGIONS = [
  'bas-saint-laurent',
  'saguenay',
  'capitale-nationale',
  'mauricie',
  'estrie',
  'montreal-fr',
  'montreal-en',
  'outaouais',
  'abitibi',
  'cote-nord',
  'gaspesie',
  'chaudiere-appalaches',
  'laval',
  'lanaudiere',
  'laurentides',
  'monteregie',
] as const;
export type DpjRegion = (typeof DPJ_REGIONS)[number];

export const PROVINCES = ['bc', 'ab', 'sk', 'mb', 'on', 'nb', 'ns', 'pe', 'nl', 'yt', 'nt', 'nu'] as const;
export type Province = (typeof PROVINCES)[number];
