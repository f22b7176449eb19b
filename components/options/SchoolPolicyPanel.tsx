import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { POLICY_KEYS } from '../../utils/settings/policy/schema';
import { getPolicy, type PolicyState } from '../../utils/settings/policy/read';
import type { PolicyProblem } from '../../utils/settings/policy/validate';
import type { EffectiveSettings } from '../../utils/settings/effective';
import type { SettingKey } from '../../utils/settings/schema';

/**
 * "School policy": what an administrator needs to see when a setting did not land. For every key Vigie expects:
 * what the browser delivered, what Vigie rejected and why, and the value in effect (and where it comes from).
 * "No policy" is told apart from "policy delivered but empty" where the browser allows it (Firefox); on Chromium
 * both read as `{}` and the panel says to look at chrome://policy. The whole panel can be copied as plain text for
 * a support ticket. Technical details (key names, validator reasons) stay in English: they are what the
 * administrator searches for in docs/admin.md.
 */

export type RowStatus = 'applied' | 'entries' | 'invalid' | 'unset' | 'unknown';

export interface PolicyRow {
  key: string;
  status: RowStatus;
  delivered?: unknown;
  detail?: string;
  effective?: unknown;
  source?: 'policy' | 'user' | 'default';
  locked: boolean;
}

const json = (v: unknown): string => {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
};

/** Pure: one row per key Vigie expects, then one per unknown key the browser delivered. */
export function policyRows(state: Pick<PolicyState, 'raw' | 'problems' | 'locked'>, effective: Pick<EffectiveSettings, 'settings' | 'source'>): PolicyRow[] {
  const raw = state.raw ?? {};
  const problemOf = (key: string): PolicyProblem | undefined => state.problems.find((p) => p.key === key && p.kind !== 'unknown');
  const rows: PolicyRow[] = POLICY_KEYS.map((key) => {
    const present = Object.prototype.hasOwnProperty.call(raw, key);
    const problem = problemOf(key);
    const status: RowStatus = !present ? 'unset' : problem ? (problem.kind === 'entries' ? 'entries' : 'invalid') : 'applied';
    const isLock = key === 'lockedSettings';
    const settingKey = key as SettingKey;
    return {
      key,
      status,
      delivered: present ? raw[key] : undefined,
      detail: problem?.detail,
      effective: isLock ? state.locked : effective.settings[settingKey],
      source: isLock ? (present ? 'policy' : 'default') : (effective.source[settingKey] ?? 'default'),
      locked: !isLock && state.locked.includes(settingKey),
    };
  });
  for (const p of state.problems.filter((x) => x.kind === 'unknown')) rows.push({ key: p.key, status: 'unknown', delivered: raw[p.key], detail: p.detail, locked: false });
  return rows;
}

/**
 * "Delivered but empty": a policy reached Vigie and nothing in it could be applied (every key refused or unknown).
 * "No policy": nothing reached Vigie. Firefox also reads an empty `{}` entry for Vigie as no policy (seen in
 * firefox-esr: managed.get() rejects "Managed storage manifest not found"); Chromium hands `{}` both when there is
 * no policy and when its own schema check refused every value, so there the panel points to chrome://policy.
 */
export function headline(state: Pick<PolicyState, 'origin' | 'readAt' | 'delivered' | 'values' | 'locked'>, firefox = !!import.meta.env.FIREFOX): string {
  const nothingApplies = Object.keys(state.values).length === 0 && state.locked.length === 0;
  if (state.origin === 'cache') return t('pp_state_cache', [state.readAt ?? '']);
  if (state.delivered === 'values') return nothingApplies ? t('pp_state_values_none_applied', [state.readAt ?? '']) : t('pp_state_values', [state.readAt ?? '']);
  if (firefox) return state.delivered === 'empty' ? t('pp_state_empty_firefox') : t('pp_state_none_firefox');
  return t('pp_state_none_chromium');
}

const STATUS_WORD: Record<RowStatus, string> = {
  applied: 'pp_status_applied',
  entries: 'pp_status_entries',
  invalid: 'pp_status_invalid',
  unset: 'pp_status_unset',
  unknown: 'pp_status_unknown',
};
const SOURCE_WORD = { policy: 'pp_source_policy', user: 'pp_source_user', default: 'pp_source_default' } as const;

/** The panel as plain text (English key names and reasons, words in the page's language). */
export function policyText(state: PolicyState, rows: PolicyRow[]): string {
  const lines = [`${t('pp_title')} — Vigie ${browserName()}`, headline(state), ''];
  for (const r of rows) {
    lines.push(`${r.key}: ${t(STATUS_WORD[r.status])}${r.locked ? ` (${t('pp_locked')})` : ''}`);
    if (r.delivered !== undefined) lines.push(`  ${t('pp_col_delivered')}: ${json(r.delivered)}`);
    if (r.detail) lines.push(`  ${t('pp_col_why')}: ${r.detail}`);
    if (r.status !== 'unknown') lines.push(`  ${t('pp_col_effective')}: ${json(r.effective)} (${t(SOURCE_WORD[r.source ?? 'default'])})`);
  }
  return lines.join('\n');
}

function browserName(): string {
  return import.meta.env.FIREFOX ? 'Firefox' : 'Chromium';
}

function Cell(props: { value: unknown }): JSX.Element {
  if (props.value === undefined) return <span class="muted">{t('pp_none')}</span>;
  const s = json(props.value);
  return <code>{s.length > 240 ? `${s.slice(0, 237)}…` : s}</code>;
}

export function SchoolPolicyPanel(props: { effective: EffectiveSettings }): JSX.Element | null {
  const [state, setState] = useState<PolicyState | null>(null);
  const [copied, setCopied] = useState('');
  const [showText, setShowText] = useState(false);
  useEffect(() => {
    let live = true;
    void getPolicy().then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, [props.effective]);
  if (!state) return null;
  const rows = policyRows(state, props.effective);
  const text = policyText(state, rows);
  const copy = async () => {
    setShowText(true);
    try {
      await navigator.clipboard.writeText(text);
      setCopied(t('pp_copied'));
    } catch {
      setCopied(t('pp_copy_failed'));
    }
  };
  return (
    <section class="school-policy" aria-labelledby="pp-title" data-testid="school-policy" data-delivered={state.delivered} data-origin={state.origin}>
      <h2 id="pp-title">{t('pp_title')}</h2>
      <p data-testid="pp-state">{headline(state)}</p>
      <p class="hint">{t('pp_intro')}</p>
      <div class="pp-scroll" role="region" aria-label={t('pp_caption')} tabIndex={0}>
        <table class="pp">
          <caption class="sr-only">{t('pp_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pp_col_key')}</th>
              <th scope="col">{t('pp_col_delivered')}</th>
              <th scope="col">{t('pp_col_status')}</th>
              <th scope="col">{t('pp_col_effective')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr data-policy-key={r.key} data-status={r.status}>
                <th scope="row">
                  <code>{r.key}</code>
                  {r.locked && <span class="lock"> 🔒<span class="sr-only">{t('pp_locked')}</span></span>}
                </th>
                <td>
                  <Cell value={r.delivered} />
                </td>
                <td class={`pp-${r.status}`}>
                  {t(STATUS_WORD[r.status])}
                  {r.detail && <div class="pp-why">{r.detail}</div>}
                </td>
                <td>
                  {r.status === 'unknown' ? (
                    <span class="muted">{t('pp_none')}</span>
                  ) : (
                    <>
                      <Cell value={r.effective} /> <span class="muted">({t(SOURCE_WORD[r.source ?? 'default'])})</span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="actions">
        <button type="button" onClick={() => void copy()} data-testid="pp-copy">
          {t('pp_copy')}
        </button>
        <button type="button" aria-expanded={showText} aria-controls="pp-text" onClick={() => setShowText(!showText)}>
          {t('pp_show_text')}
        </button>
        <p role="status" aria-live="polite">
          {copied}
        </p>
      </div>
      {showText && (
        <>
          <label for="pp-text">{t('pp_text_label')}</label>
          <textarea id="pp-text" readOnly rows={12} data-testid="pp-text" value={text} />
        </>
      )}
    </section>
  );
}
