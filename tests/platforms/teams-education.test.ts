import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import teamsEducation from '../../utils/platforms/teams-education';
import { loadFixture, statesOf } from './fixture-loader';

const F = 'tests/fixtures/teams-education';
const SCHOOL = { schoolDomains: ['ecole-exemple.qc.ca'] };
const CLASS_ITEMS = ['restricted-access', 'private-chat-off', 'chat-control', 'school-account', 'personal-info-limited'];

describe('teams-education URL predicates', () => {
  it.each(teamsEducation.exampleUrls.yes)('matches %s', (u) => expect(teamsEducation.matches(new URL(u))).toBe(true));
  it.each(teamsEducation.exampleUrls.no)('does not match %s', (u) => expect(teamsEducation.matches(new URL(u))).toBe(false));
  it('room key is the class team thread', () => {
    expect(teamsEducation.roomKey(new URL(teamsEducation.exampleUrls.yes[0]))).toBe('teams-education:19:4f2a9c1b@thread.tacv2');
  });
});

describe('teams-education fixtures', () => {
  it('teacher-en: school e-mail passes school-account; class items to confirm; meeting items n/a', async () => {
    const ctx = await loadFixture(`${F}/teacher-en.html`, teamsEducation, SCHOOL);
    expect(teamsEducation.isMeetingPage(ctx)).toBe(true);
    const s = statesOf(teamsEducation, ctx);
    expect(s['school-account']).toBe('pass');
    for (const id of CLASS_ITEMS.filter((i) => i !== 'school-account')) expect(s[id], id).toBe('unknown');
    for (const [id, state] of Object.entries(s)) if (!CLASS_ITEMS.includes(id)) expect(state, id).toBe('n/a');
  });

  it('teacher-personal-fr: an Outlook.com account fails school-account when the school domains are set', async () => {
    const ctx = await loadFixture(`${F}/teacher-personal-fr.html`, teamsEducation, SCHOOL);
    expect(teamsEducation.read(ctx)['school-account']).toMatchObject({ state: 'fail', via: 'dom', evidence: expect.stringContaining('@outlook.com') });
    expect(teamsEducation.read({ ...ctx, schoolDomains: [] })['school-account']?.state).toBe('unknown');
  });

  it('student-en: nothing shown, everything applicable to confirm', async () => {
    const ctx = await loadFixture(`${F}/student-en.html`, teamsEducation, SCHOOL);
    const s = statesOf(teamsEducation, ctx);
    for (const id of CLASS_ITEMS) expect(s[id], id).toBe('unknown');
  });
});

describe('teams-education on odd DOM', () => {
  const url = teamsEducation.exampleUrls.yes[0];
  const blank = (html: string) => {
    const w = new Window({ url });
    w.document.body.innerHTML = html;
    return { doc: w.document as unknown as Document, url: new URL(url), schoolDomains: ['ecole-exemple.qc.ca'] };
  };
  it('empty page: not yet a class page, nothing passes', () => {
    expect(teamsEducation.isMeetingPage(blank(''))).toBe(false);
    expect(Object.values(teamsEducation.read(blank(''))).some((f) => f!.state === 'pass')).toBe(false);
  });
  it('junk in the account line and duplicated ids never pass', () => {
    expect(teamsEducation.read(blank('<div id="mectrl_currentAccount_secondary">not an email</div>'))['school-account']?.state).toBe('unknown');
    expect(teamsEducation.read(blank('<div id="mectrl_currentAccount_secondary">x@gmail.com</div><div id="mectrl_currentAccount_secondary">y@ecole-exemple.qc.ca</div>'))['school-account']?.state).toBe('fail');
    expect(teamsEducation.read(blank('<div id="mectrl_currentAccount_secondary">x@ecole-exemple.qc.ca.evil.com</div>'))['school-account']?.state).toBe('fail');
  });
});
