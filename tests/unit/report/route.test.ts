import { describe, expect, it } from 'vitest';
import { CATEGORIES, OTHER_KINDS, URGENCIES, type Category } from '../../../utils/report/types';
import { route, safeFormUrl, type RouteInput } from '../../../utils/report/route';
import { REGIONS, type Region } from '../../../utils/settings/schema';

const base: RouteInput = {
  region: 'uk',
  category: '',
  publicContent: false,
  platformReported: false,
  enabledDestinations: [],
  lead: { name: '', email: '', phone: '', formUrl: '' },
};
const ids = (r: ReturnType<typeof route>) => ({ suggested: r.suggested.map((d) => d.id), held: r.held.map((h) => h.destination.id), others: r.others.map((d) => d.id) });

/**
 * The routing table, written out by hand from each service's stated scope (safeguarding-map.md, reporting.md §6),
 * never computed with route(): what is suggested per region × category when the other person is not staff, no
 * condition holds (content private, platform not told, not a stranger) and no list restricts it.
 */
const SUGGESTED: Record<Region, Record<Category, string[]>> = {
  qc: {
    'sexual-exploitation': ['cybertip', 'needhelpnow', 'dpj'],
    'intimate-images': ['cybertip', 'needhelpnow', 'kidshelpphone', 'dpj'],
    'peer-bullying': ['kidshelpphone', 'dpj'],
    threats: ['dpj'],
    hate: [],
    'self-harm': ['ca988', 'kidshelpphone', 'dpj', 'qcsuicide', 'qc811'],
    'adult-misconduct': ['cybertip', 'dpj'],
    other: ['kidshelpphone', 'qc811'],
  },
  ca: {
    'sexual-exploitation': ['cybertip', 'needhelpnow', 'cachildwelfare'],
    'intimate-images': ['cybertip', 'needhelpnow', 'kidshelpphone', 'cachildwelfare'],
    'peer-bullying': ['kidshelpphone'],
    threats: [],
    hate: [],
    'self-harm': ['ca988', 'kidshelpphone'],
    'adult-misconduct': ['cybertip', 'cachildwelfare'],
    other: ['kidshelpphone'],
  },
  fr: {
    'sexual-exploitation': ['fr3018', 'frpolice', 'allo119', 'pointdecontact'],
    'intimate-images': ['fr3018', 'pointdecontact'],
    'peer-bullying': ['fr3018'],
    threats: ['fr3018', 'frpolice'],
    hate: ['fr3018', 'frpolice', 'pointdecontact'],
    'self-harm': ['allo119', 'fr3114', 'fr15'],
    'adult-misconduct': ['frpolice', 'allo119'],
    other: ['fr3018'],
  },
  uk: {
    'sexual-exploitation': ['ceop', 'iwf', 'nspcc'],
    'intimate-images': ['ceop', 'iwf', 'reportremove', 'nspcc', 'childline'],
    'peer-bullying': ['nspcc', 'childline', 'posh'],
    threats: ['nspcc', 'uk101', 'posh'],
    hate: ['uk101', 'posh'],
    'self-harm': ['nspcc', 'childline', 'samaritans', 'papyrus'],
    'adult-misconduct': ['ceop', 'nspcc', 'uk101'],
    other: ['nspcc', 'childline', 'posh'],
  },
  other: { 'sexual-exploitation': [], 'intimate-images': [], 'peer-bullying': [], threats: [], hate: [], 'self-harm': [], 'adult-misconduct': [], other: [] },
};

/** Held (in scope, condition not met) in that same situation. */
const HELD: Partial<Record<Region, Partial<Record<Category, string[]>>>> = {
  fr: { 'sexual-exploitation': ['pharos'], 'intimate-images': ['pharos'], threats: ['pharos'], hate: ['pharos'], 'self-harm': ['pharos'], 'adult-misconduct': ['pharos'] },
  uk: { 'peer-bullying': ['rhc'], threats: ['rhc'], hate: ['rhc'], 'self-harm': ['rhc'], other: ['rhc'] },
};

/** Added when the other person is a member of staff (the allegations route of each place). */
const STAFF_ADD: Record<Region, string[]> = {
  uk: ['nspcc', 'lado'], // then the LADO (Keeping Children Safe in Education)
  qc: ['dpj', 'qcprotecteur'], // the DPJ and the protecteur régional de l'élève (P-32.01)
  fr: ['allo119', 'fracademie'], // the academy services; 119 for advice
  ca: ['cachildwelfare'],
  other: [],
};
const STAFF_ONLY = ['lado', 'qcprotecteur', 'fracademie'];
const STAFF_STEPS: Record<Region, string[]> = {
  uk: ['report_staff_uk_1', 'report_staff_uk_2'],
  qc: ['report_staff_qc_1', 'report_staff_qc_2'],
  fr: ['report_staff_fr_1', 'report_staff_fr_2'],
  ca: ['report_staff_ca_1', 'report_staff_ca_2'],
  other: ['report_staff_other_1'],
};

/** The stated reason when nothing outside the school is suggested. */
const GAP: Partial<Record<Region, Partial<Record<Category, string>>>> = {
  qc: { hate: 'report_gap_police_local' },
  ca: { threats: 'report_gap_police_local', hate: 'report_gap_police_local' },
  other: Object.fromEntries(CATEGORIES.map((c) => [c, 'report_gap_no_region'])),
};

const EMERGENCY_NUMBERS: Record<Region, string[]> = { qc: ['911'], ca: ['911'], fr: ['17', '15', '112', '114'], uk: ['999', '112'], other: ['112', '911', '999'] };

const sorted = (a: readonly string[]) => [...new Set(a)].sort();

describe('the routing table: every region × category × other-person kind × urgency', () => {
  const cases = REGIONS.flatMap((region) => CATEGORIES.flatMap((category) => OTHER_KINDS.flatMap((otherKind) => URGENCIES.map((urgency) => ({ region, category, otherKind, urgency })))));
  it('covers 5 × 8 × 4 × 3 cases', () => expect(cases.length).toBe(480));

  it.each(cases)('$region × $category × $otherKind × $urgency', ({ region, category, otherKind, urgency }) => {
    const r = route({ ...base, region, category, otherKind, urgency });
    const staff = otherKind === 'staff';
    const expected = sorted([...SUGGESTED[region][category], ...(staff ? STAFF_ADD[region] : [])]);
    expect(sorted(ids(r).suggested)).toEqual(expected);
    expect(sorted(ids(r).held)).toEqual(sorted(HELD[region]?.[category] ?? []));
    // Never empty without a stated reason.
    expect(r.gap).toBe(expected.length ? '' : GAP[region]![category]!);
    expect(r.suggested.length > 0 || r.gap !== '').toBe(true);
    // Staff-only services appear only for staff; the steps follow the region.
    if (!staff) for (const id of STAFF_ONLY) expect([...ids(r).suggested, ...ids(r).others, ...ids(r).held]).not.toContain(id);
    expect(r.staff?.steps ?? null).toEqual(staff ? STAFF_STEPS[region] : null);
    // Immediate risk puts the emergency numbers back at the top; they are always there.
    expect(r.emergencyFirst).toBe(urgency === 'immediate');
    expect(r.emergency.map((e) => e.number)).toEqual(EMERGENCY_NUMBERS[region]);
  });
});

describe('conditions, areas and contacts', () => {
  it('a crisis line for self-harm in every region that has one', () => {
    expect(ids(route({ ...base, region: 'ca', category: 'self-harm' })).suggested).toEqual(['ca988', 'kidshelpphone']);
    expect(ids(route({ ...base, region: 'qc', category: 'self-harm' })).suggested).toEqual(expect.arrayContaining(['qcsuicide', 'qc811', 'ca988']));
    expect(ids(route({ ...base, region: 'fr', category: 'self-harm' })).suggested).toEqual(expect.arrayContaining(['fr3114', 'fr15']));
    expect(ids(route({ ...base, region: 'uk', category: 'self-harm' })).suggested).toEqual(expect.arrayContaining(['childline', 'samaritans', 'papyrus']));
  });

  it('PHAROS takes public content or a stranger in private messages; held with a reason otherwise', () => {
    const priv = route({ ...base, region: 'fr', category: 'hate' });
    expect(ids(priv).held).toEqual(['pharos']);
    expect(priv.held[0].reason).toBe('report_held_public_stranger');
    expect(ids(route({ ...base, region: 'fr', category: 'hate', publicContent: true })).suggested).toContain('pharos');
    expect(ids(route({ ...base, region: 'fr', category: 'sexual-exploitation', strangerPrivate: true })).suggested).toContain('pharos');
  });

  it('Report Harmful Content only after the platform was told', () => {
    expect(ids(route({ ...base, category: 'peer-bullying' }))).toMatchObject({ held: ['rhc'] });
    expect(ids(route({ ...base, category: 'peer-bullying', platformReported: true })).suggested).toEqual(['nspcc', 'childline', 'rhc', 'posh']);
  });

  it('a DPJ region or a province narrows the lines shown', () => {
    const r = route({ ...base, region: 'qc', category: 'threats', dpjRegion: 'laval' });
    expect(r.channels.dpj.map((c) => (c.kind === 'tel' ? c.number : ''))).toEqual(['+18889754884']);
    expect(route({ ...base, region: 'qc', category: 'threats' }).channels.dpj).toHaveLength(17);
    expect(route({ ...base, region: 'ca', category: 'adult-misconduct', province: 'ab' }).channels.cachildwelfare.map((c) => (c.kind === 'tel' ? c.number : ''))).toEqual(['+18006380715']);
  });

  it('the school’s lead is always offered; "configured" says whether it can be reached', () => {
    for (const category of ['', ...CATEGORIES] as const) expect(route({ ...base, category }).lead.configured).toBe(false);
    const r = route({ ...base, lead: { name: 'Ms DSL', email: ' dsl@school.example ', phone: '', formUrl: '' } });
    expect(r.lead).toMatchObject({ configured: true, email: 'dsl@school.example' });
  });

  it('a second contact is offered when set; "lead may be concerned" is carried through', () => {
    const alt = { name: 'Chair of governors', email: 'chair@school.example', phone: '', formUrl: '' };
    const r = route({ ...base, category: 'adult-misconduct', otherKind: 'staff', alternateLead: alt, leadConcerned: true });
    expect(r.alternate).toMatchObject({ name: 'Chair of governors', email: 'chair@school.example', configured: true });
    expect(r.leadConcerned).toBe(true);
    expect(route({ ...base, alternateLead: { name: 'x', email: 'bad', phone: '', formUrl: '' } }).alternate).toBe(null);
  });

  it('a policy list of enabled destinations restricts what is offered', () => {
    expect(ids(route({ ...base, category: 'sexual-exploitation', enabledDestinations: ['ceop'] }))).toEqual({ suggested: ['ceop'], held: [], others: [] });
  });

  it('the duty note follows the region', () => {
    expect(route({ ...base, region: 'qc' }).duty).toBe('report_duty_qc');
  });

  it('a lead form URL is used only when it is https; a bad e-mail is not used', () => {
    expect(safeFormUrl('javascript:alert(1)')).toBe('');
    expect(safeFormUrl('http://myconcern.example/form')).toBe('');
    expect(safeFormUrl(' https://app.myconcern.education/school ')).toBe('https://app.myconcern.education/school');
    expect(route({ ...base, lead: { name: '', email: 'not an address', phone: '', formUrl: '' } }).lead.configured).toBe(false);
  });
});
