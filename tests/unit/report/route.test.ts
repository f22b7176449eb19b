import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../utils/report/types';
import { route, safeFormUrl, type RouteInput } from '../../../utils/report/route';

const base: RouteInput = {
  region: 'uk',
  category: '',
  publicContent: false,
  platformReported: false,
  enabledDestinations: [],
  lead: { name: '', email: '', phone: '', formUrl: '' },
};
const ids = (r: ReturnType<typeof route>) => ({ suggested: r.suggested.map((d) => d.id), held: r.held.map((h) => h.destination.id), others: r.others.map((d) => d.id) });

describe('routing by category and region (reporting.md §6 routing hints)', () => {
  it('sexual content with a minor → the child-exploitation lines, never a bullying line', () => {
    expect(ids(route({ ...base, region: 'ca', category: 'sexual-exploitation' })).suggested).toEqual(['cybertip']);
    expect(ids(route({ ...base, region: 'qc', category: 'sexual-exploitation' })).suggested).toEqual(['cybertip', 'dpj']);
    expect(ids(route({ ...base, region: 'uk', category: 'sexual-exploitation' })).suggested).toEqual(['ceop', 'iwf', 'nspcc']);
  });

  it('bullying between pupils → 3018 in France, not Cybertip.ca or CEOP', () => {
    expect(ids(route({ ...base, region: 'fr', category: 'peer-bullying' })).suggested).toEqual(['fr3018']);
    expect(ids(route({ ...base, region: 'ca', category: 'peer-bullying' })).suggested).toEqual([]);
    expect(ids(route({ ...base, region: 'uk', category: 'peer-bullying' })).suggested).not.toContain('ceop');
  });

  it('PHAROS only for public content; it is held with a reason otherwise', () => {
    const priv = route({ ...base, region: 'fr', category: 'hate' });
    expect(ids(priv)).toMatchObject({ suggested: ['fr3018'], held: ['pharos'] });
    expect(priv.held[0].reason).toBe('report_held_public');
    expect(ids(route({ ...base, region: 'fr', category: 'hate', publicContent: true })).suggested).toEqual(['fr3018', 'pharos']);
  });

  it('Report Harmful Content only after the platform was told', () => {
    expect(ids(route({ ...base, category: 'peer-bullying' }))).toMatchObject({ suggested: ['nspcc', 'posh'], held: ['rhc'] });
    expect(ids(route({ ...base, category: 'peer-bullying', platformReported: true })).suggested).toEqual(['nspcc', 'rhc', 'posh']);
  });

  it('the school’s lead is always offered; "configured" says whether it can be reached', () => {
    for (const category of ['', ...CATEGORIES] as const) expect(route({ ...base, category }).lead.configured).toBe(false);
    const r = route({ ...base, lead: { name: 'Ms DSL', email: ' dsl@school.example ', phone: '', formUrl: '' } });
    expect(r.lead).toMatchObject({ configured: true, email: 'dsl@school.example' });
  });

  it('a policy list of enabled destinations restricts what is offered', () => {
    expect(ids(route({ ...base, category: 'sexual-exploitation', enabledDestinations: ['ceop'] }))).toEqual({ suggested: ['ceop'], held: [], others: [] });
  });

  it('emergency numbers and the duty note follow the region', () => {
    expect(route({ ...base, region: 'fr' }).emergency.map((e) => e.number)).toEqual(['17', '112', '114']);
    expect(route({ ...base, region: 'qc' }).duty).toBe('report_duty_qc');
  });

  it('a lead form URL is used only when it is https; a bad e-mail is not used', () => {
    expect(safeFormUrl('javascript:alert(1)')).toBe('');
    expect(safeFormUrl('http://myconcern.example/form')).toBe('');
    expect(safeFormUrl(' https://app.myconcern.education/school ')).toBe('https://app.myconcern.education/school');
    expect(route({ ...base, lead: { name: '', email: 'not an address', phone: '', formUrl: '' } }).lead.configured).toBe(false);
  });
});
