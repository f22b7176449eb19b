import type { DpjRegion } from '../../settings/areas';
import type { Channel, DestinationRow, Hours } from './schema';

/**
 * Québec: the DPJ (one line per region), suicide prevention, Info-Social and the protecteur régional de l'élève.
 * Facts from /work/shared/reference/safeguarding-map.md and reporting.md, re-checked on 2026-12-02 against stored
 * copies of the services' own pages (no live page opened). Each row keeps its `source` and `checked` date.
 *
 * Known gaps, said honestly (also in `check` or `local` on the row):
 * - The protecteur régional de l'élève has no single national contact: the row says where the school's own
 *   documents name it (`local`).
 */

const ALWAYS_QC: Hours = { kind: 'always', tz: 'America/Montreal' };

const dpj = (area: DpjRegion, number: string, display: string, label = `report_dpj_${area.replace(/-/g, '_')}`): Channel => ({ kind: 'tel', number, display, label, area });

export const QUEBEC: readonly DestinationRow[] = [
  {
    id: 'dpj',
    name: { en: 'DPJ (youth protection, Québec)', fr: 'DPJ (protection de la jeunesse, Québec)' },
    regions: ['qc'],
    areas: ['bas-saint-laurent', 'saguenay', 'capitale-nationale', 'mauricie', 'estrie', 'montreal-fr', 'montreal-en', 'outaouais', 'abitibi', 'cote-nord', 'gaspesie', 'chaudiere-appalaches', 'laval', 'lanaudiere', 'laurentides', 'monteregie'],
    // CDPDJ list, one 24/7 line per region (toll-free where the page gives one).
    channels: [
      dpj('bas-saint-laurent', '+18004639009', '1 800 463-9009'),
      dpj('saguenay', '+18004639188', '1 800 463-9188'),
      dpj('capitale-nationale', '+18004634834', '1 800 463-4834'),
      dpj('mauricie', '+18005678520', '1 800 567-8520'),
      dpj('estrie', '+18004631029', '1 800 463-1029'),
      dpj('montreal-fr', '+15148963100', '514 896-3100'),
      dpj('montreal-en', '+15149356196', '514 935-6196'),
      dpj('outaouais', '+18005676810', '1 800 567-6810'),
      dpj('abitibi', '+18005676405', '1 800 567-6405'),
      dpj('cote-nord', '+18004638547', '1 800 463-8547'),
      dpj('gaspesie', '+18004634225', '1 800 463-4225'),
      dpj('gaspesie', '+18004630629', '1 800 463-0629', 'report_dpj_gaspesie_evening'),
      dpj('chaudiere-appalaches', '+18004619331', '1 800 461-9331'),
      dpj('laval', '+18889754884', '1 888 975-4884'),
      dpj('lanaudiere', '+18006651414', '1 800 665-1414'),
      dpj('laurentides', '+18003618665', '1 800 361-8665'),
      dpj('monteregie', '+18003615310', '1 800 361-5310'),
    ],
    categories: ['sexual-exploitation', 'intimate-images', 'peer-bullying', 'threats', 'self-harm', 'adult-misconduct'],
    staff: true,
    warning: 'report_warn_duty_qc',
    hours: ALWAYS_QC,
    audience: { maxAge: 17, harms: 'any child whose safety or development may be compromised (abuse, neglect, serious behaviour problems)' },
    callPrompts: true,
    source: 'http://www.cdpdj.qc.ca/fr/droits-de-la-jeunesse/Pages/DPJ.aspx ; https://ciusssnordmtl.ca/soins-et-services/enfants-adolescents-et-famille/signalement-au-dpj',
    checked: '2026-12-02',
    check: 'Gaspésie: 1 800 463-4225 by day, 1 800 463-0629 in the evening; Nord-du-Québec: the Abitibi or Saguenay line; Nunavik and Eeyou Istchee: local numbers on the CDPDJ page, not carried',
  },
  {
    id: 'qcsuicide',
    name: { en: 'Suicide prevention (1 866 APPELLE, suicide.ca)', fr: 'Prévention du suicide (1 866 APPELLE, suicide.ca)' },
    regions: ['qc'],
    channels: [
      { kind: 'tel', number: '+18662773553', display: '1 866 APPELLE (277-3553)' },
      { kind: 'sms', number: '535353', display: '535353' },
      { kind: 'form', url: 'https://suicide.ca/' },
    ],
    categories: ['self-harm'],
    hours: ALWAYS_QC,
    audience: { harms: 'anyone thinking about suicide, worried about someone, or bereaved by suicide (Québec)' },
    source: 'https://www.infodimanche.com/actualites/actualite/473288/prevention-du-suicide-le-numero-court-535353-maintenant-disponible',
    checked: '2026-12-02',
  },
  {
    id: 'qc811',
    name: { en: 'Info-Social 811, option 2', fr: 'Info-Social 811, option 2' },
    regions: ['qc'],
    channels: [{ kind: 'tel', number: '811', display: '811 (option 2)' }],
    categories: ['self-harm', 'other'],
    hours: ALWAYS_QC,
    audience: { harms: 'psychosocial help by phone from a social worker (Québec)' },
    source: 'https://www.chga.fm/prevention-du-suicide-lidee-dun-numero-unique-a-3-chiffres-bien-accueillie-par-suicide-detour/',
    checked: '2026-12-02',
  },
  {
    id: 'qcprotecteur',
    name: { en: 'Regional student ombudsman (protecteur régional de l’élève)', fr: 'Protecteur régional de l’élève' },
    regions: ['qc'],
    channels: [],
    categories: [],
    staff: true,
    otherKinds: ['staff'],
    hours: { kind: 'unknown', tz: 'America/Montreal' },
    outOfHours: 'report_ooh_local',
    audience: { harms: 'any person may report sexual violence against a pupil, including by staff (Loi sur le protecteur national de l’élève)' },
    local: 'report_local_protecteur',
    source: 'https://www.legisquebec.gouv.qc.ca/fr/document/lc/P-32.01',
    checked: '2026-12-02',
  },
];
