import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMPOSER_MATCH_PATTERNS, COMPOSER_TOOLS, composerText, composerToolFor, findComposer, recipientDomains, writesToStudents } from '../../../utils/boundaries/composers';

const DIR = 'tests/fixtures/boundaries';
const load = (file: string) => {
  const html = readFileSync(`${DIR}/${file}`, 'utf8');
  const url = /<meta name="vigie:url" content="([^"]+)"/.exec(html)![1];
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return { doc, url };
};
const composerFixtures = readdirSync(DIR).filter((f) => !/^(messenger|instagram|facebook)-/.test(f));

describe('composer fixtures: the message box is found, search and subject fields are not', () => {
  it('covers every composer tool in EN or FR', () => {
    const tools = new Set(composerFixtures.map((f) => composerToolFor(load(f).url)?.id));
    expect([...tools].sort()).toEqual(COMPOSER_TOOLS.map((t) => t.id).sort());
  });

  it.each(composerFixtures)('%s', (file) => {
    const { doc, url } = load(file);
    const tool = composerToolFor(url)!;
    expect(tool).not.toBeNull();
    const box = doc.querySelector('[data-expect="composer"]')!;
    expect(findComposer(box, tool)).toBe(box);
    // A text node inside the composer resolves to the composer too (input events target the editable host, keys may not).
    box.append(doc.createTextNode('hello'));
    expect(findComposer(box.firstChild, tool)).toBe(box);
    expect(composerText(box as HTMLElement)).toContain('hello');
    const others = Array.from(doc.querySelectorAll('[data-expect="not-composer"]'));
    expect(others.length).toBeGreaterThan(0);
    for (const el of others) expect(findComposer(el, tool)).toBeNull();
  });
});

describe('mail tools act only for student recipients', () => {
  const students = ['eleves.ecole-exemple.ca'];
  it('Gmail to a student address', () => {
    const { doc, url } = load('gmail-compose-en.html');
    const tool = composerToolFor(url)!;
    const domains = recipientDomains(doc.querySelector('[data-expect="composer"]')!, tool);
    expect(domains).toEqual(['eleves.ecole-exemple.ca']);
    expect(writesToStudents(domains, students)).toBe(true);
  });
  it('Gmail to a colleague: not a student domain', () => {
    const { doc, url } = load('gmail-compose-fr.html');
    const domains = recipientDomains(doc.querySelector('[data-expect="composer"]')!, composerToolFor(url)!);
    expect(domains).toEqual(['ecole-exemple.ca']);
    expect(writesToStudents(domains, students)).toBe(false);
  });
  it('Outlook (FR) to a student address', () => {
    const { doc, url } = load('outlook-compose-fr.html');
    const domains = recipientDomains(doc.querySelector('[data-expect="composer"]')!, composerToolFor(url)!);
    expect(writesToStudents(domains, students)).toBe(true);
    expect(writesToStudents(domains, [])).toBe(false);
  });
  it('subdomains of a student domain count; look-alikes do not', () => {
    expect(writesToStudents(['a.eleves.ecole-exemple.ca'], students)).toBe(true);
    expect(writesToStudents(['xeleves.ecole-exemple.ca'], students)).toBe(false);
  });
});

describe('hosts', () => {
  it('match patterns are explicit https hosts', () => {
    for (const p of COMPOSER_MATCH_PATTERNS) expect(p).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\/\*$/);
  });
  it.each([
    ['https://classroom.google.com/c/1', 'google-classroom'],
    ['https://teams.live.com/v2/', 'teams'],
    ['https://mail.google.com/mail/u/0/', 'gmail'],
    ['https://outlook.live.com/mail/0/', 'outlook'],
    ['https://meet.google.com/abc-defg-hij', null],
    ['http://classroom.google.com/', null],
    ['junk', null],
  ])('%s → %s', (url, id) => expect(composerToolFor(url)?.id ?? null).toBe(id));
});
