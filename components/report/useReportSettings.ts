import { useEffect, useState } from 'preact/hooks';
import { applyLanguageSettings } from '../../utils/i18n';
import { getEffectiveSettings, type EffectiveSettings } from '../../utils/settings/effective';
import { getQuickSettings } from '../../utils/settings/quick';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings/schema';

export interface ReportSettings {
  settings: Settings;
  /** Settings keys the school's policy locks. */
  locked: readonly string[];
  /** Whether the policy has answered yet (see utils/settings/quick.ts): "Where to send" waits for it. */
  final: boolean;
  /** The settings already on disk, at once: the draft's first load reads them (useDraft). */
  quick: Promise<EffectiveSettings | null>;
  /** The teacher picks the region right in "Where to send"; remembered in their settings unless the school locks it. */
  changeRegion(region: Settings['region']): void;
}

/**
 * The report page's settings. The school's policy (managed storage) can take seconds on a fresh profile: the page
 * is usable at once with what is on disk (`quick`), and the final answer replaces it when it arrives.
 */
export function useReportSettings(initial?: EffectiveSettings): ReportSettings {
  const [quick] = useState<Promise<EffectiveSettings | null>>(() => (initial ? Promise.resolve(initial) : getQuickSettings().catch(() => null)));
  const [settings, setSettings] = useState<Settings>(initial?.settings ?? DEFAULT_SETTINGS);
  const [locked, setLocked] = useState<readonly string[]>(initial?.locked ?? []);
  const [final, setFinal] = useState(false);

  useEffect(() => {
    // Registered first, so the quick answer never lands after the final one.
    void quick.then((q) => {
      if (q && !initial) {
        setSettings(q.settings);
        setLocked(q.locked);
      }
    });
    void getEffectiveSettings()
      .catch(() => null)
      .then(async (eff) => {
        const before = (await quick)?.settings;
        if (eff) {
          if (!before || before.language !== eff.settings.language || before.region !== eff.settings.region) await applyLanguageSettings(eff.settings, document);
          setSettings(eff.settings);
          setLocked(eff.locked);
        }
        setFinal(true);
      });
  }, []);

  const changeRegion = (region: Settings['region']) => {
    setSettings((s) => ({ ...s, region }));
    void applyLanguageSettings({ ...settings, region }, document);
    void import('../../utils/storage').then(async ({ userSettingsItem }) => {
      const user = await userSettingsItem.getValue().catch(() => ({}));
      await userSettingsItem.setValue({ ...(user && typeof user === 'object' ? user : {}), region }).catch(() => undefined);
    });
  };

  return { settings, locked, final, quick, changeRegion };
}
