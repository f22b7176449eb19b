import { describe, expect, it } from 'vitest';
import { countryOf, coverage, servicesEverywhere, usableEverywhere } from '../../../utils/report/fallback';
import { route, type RouteInput } from '../../../utils/report/route';
import { CATEGORIES } from '../../../utils/report/types';

const input: Omit<RouteInput, 'region'> = { category: '', publicContent: false, platformReported: false, enabledDestinations: [], lead: { name: '', email: '', phone: '', formUrl: '' } };
const shape = (category: RouteInput['category'], extra: Partial<RouteInput> = {}) =>
  servicesEverywhere({ ...input, ...extra, category }).map((g) => [g.country, g.services.map((s) => `${s.destination.id}${s.reach === 'qc' ? '@qc' : ''}${s.held ? '(held)' : ''}`)]);

describe('every region’s services for a concern, grouped by country (issue 15)', () => {
  it('sexual exploitation: Canada (Cybertip.ca first, then the DPJ for Québec), France, the UK', () => {
    expect(shape('sexual-exploitation')).toEqual([
      // The safeguarding map's routes (issue 16): NeedHelpNow, the provincial child-welfare lines, the French
      // police online service and Point de Contact join the lists.
      ['ca', ['cybertip', 'needhelpnow', 'cachildwelfare', 'dpj@qc']],
      ['fr', ['fr3018', 'frpolice', 'allo119', 'pointdecontact', 'pharos(held)']],
      ['uk', ['ceop', 'iwf', 'nspcc']],
    ]);
  });

  it('hate: no Canadian service in Vigie’s list, so Canada is left out', () => {
    expect(shape('hate')).toEqual([
      ['fr', ['fr3018', 'frpolice', 'pointdecontact', 'pharos(held)']],
      ['uk', ['uk101', 'posh', 'rhc(held)']],
    ]);
    expect(shape('hate', { publicContent: true, platformReported: true })).toEqual([
      ['fr', ['fr3018', 'pharos', 'frpolice', 'pointdecontact']],
      ['uk', ['uk101', 'rhc', 'posh']],
    ]);
  });

  it('a school that restricts its destinations restricts the fallback too', () => {
    expect(shape('sexual-exploitation', { enabledDestinations: ['cybertip'] })).toEqual([['ca', ['cybertip']]]);
    expect(shape('sexual-exploitation', { enabledDestinations: ['lead'] })).toEqual([]);
  });

  it('every category reaches at least one usable outside service somewhere', () => {
    for (const category of CATEGORIES) expect(usableEverywhere(servicesEverywhere({ ...input, category })).length, category).toBeGreaterThan(0);
  });

  it('"no outside service" only when true in every region', () => {
    const groups = (c: RouteInput['category']) => servicesEverywhere({ ...input, category: c });
    const inRegion = (region: RouteInput['region'], c: RouteInput['category']) => {
      const r = route({ ...input, region, category: c });
      return coverage(region, r.suggested.length, r.held.length, groups(c));
    };
    expect(inRegion('qc', 'sexual-exploitation')).toBe('region');
    expect(inRegion('ca', 'hate')).toBe('elsewhere-only');
    // Québec now has Kids Help Phone and Info-Social 811 for any other worry (issue 16).
    expect(inRegion('qc', 'other')).toBe('region');
    expect(inRegion('ca', 'other')).toBe('region');
    expect(inRegion('other', 'threats')).toBe('everywhere');
    expect(coverage('other', 0, 0, [])).toBe('none');
    expect(coverage('uk', 0, 0, [])).toBe('none');
    expect(coverage('uk', 0, 1, [])).toBe('region');
  });

  it('countries of regions', () => {
    expect([countryOf('qc'), countryOf('ca'), countryOf('fr'), countryOf('uk'), countryOf('other')]).toEqual(['ca', 'ca', 'fr', 'uk', null]);
  });
});
