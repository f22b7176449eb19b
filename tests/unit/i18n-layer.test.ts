import { afterEach, describe, expect, it } from 'vitest';
import { mergeLocale } from '../../wxt.config';
import { has, setMessages, setRegion, steps, substitute, t, uiLanguage } from '../../utils/i18n';

const fr = mergeLocale('fr');
const en = mergeLocale('en');

afterEach(() => {
  setMessages(null);
  setRegion('other');
});

describe('the language layer over browser.i18n', () => {
  it('substitutes like Chrome: $1..$9, $$ as a dollar, missing substitutions empty', () => {
    expect(substitute('Score: $1 out of $2', ['85', '100'])).toBe('Score: 85 out of 100');
    expect(substitute('$$5 and $1', 'x')).toBe('$5 and x');
    expect(substitute('a $2 b', ['only'])).toBe('a  b');
  });

  it('uses the chosen language’s messages instead of the browser’s', () => {
    setMessages('fr', fr);
    expect(uiLanguage()).toBe('fr');
    expect(t('popup_report')).toBe('Signaler une inquiétude');
    expect(t('popup_potential', ['92'])).toBe('Après ces corrections et vérifications : 92');
    setMessages('en', en);
    expect(t('popup_report')).toBe('Report a concern');
  });

  it('shows a missing key as the key itself (never blank), and has() says so', () => {
    setMessages('en', en);
    expect(t('no_such_key_anywhere')).toBe('no_such_key_anywhere');
    expect(has('no_such_key_anywhere')).toBe(false);
    expect(has('popup_report')).toBe(true);
    expect(steps('no_such_key_anywhere')).toEqual([]);
  });

  it('splits steps one per line', () => {
    setMessages('en', en);
    const s = steps('fix_jitsi_waiting_room');
    expect(s.length).toBeGreaterThan(1);
    expect(s.every((line) => line.length > 0 && line === line.trim())).toBe(true);
  });

  it('picks Canadian French words for Québec and Canada, France’s elsewhere, and never touches English', () => {
    setMessages('fr', fr);
    setRegion('fr');
    expect(t('item_private_chat_off_title')).toBe('Chat privé désactivé');
    setRegion('qc');
    expect(t('item_private_chat_off_title')).toBe('Clavardage privé désactivé');
    setRegion('ca');
    expect(t('item_chat_control_title')).toMatch(/Clavardage/);
    // A key without a variant falls back to the base key.
    expect(t('popup_report')).toBe('Signaler une inquiétude');
    setMessages('en', en);
    expect(t('item_private_chat_off_title')).toBe('Private chat off');
  });
});
