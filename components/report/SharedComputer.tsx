import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { getEffectiveSettings } from '../../utils/settings/effective';
import { userSettingsItem } from '../../utils/storage';

/** Shared computer mode on the report page: the visible note, and the option on the incident log page. */

export function SharedComputerNote() {
  return (
    <p class="note" data-testid="shared-note">
      {t('shared_note')}
    </p>
  );
}

/** The effective `sharedComputer` setting, whether the school's policy locks it, and a setter for the teacher. */
export function useSharedComputer(): { on: boolean; locked: boolean; ready: boolean; set(on: boolean): Promise<void> } {
  const [state, setState] = useState({ on: false, locked: false, ready: false });
  const load = () =>
    getEffectiveSettings().then(
      (e) => setState({ on: e.settings.sharedComputer, locked: e.locked.includes('sharedComputer'), ready: true }),
      () => setState({ on: false, locked: false, ready: true }),
    );
  useEffect(() => void load(), []);
  return {
    ...state,
    async set(on: boolean) {
      const user = (await userSettingsItem.getValue()) ?? {};
      await userSettingsItem.setValue({ ...user, sharedComputer: on });
      await load();
    },
  };
}

export function SharedComputerOption({ shared }: { shared: ReturnType<typeof useSharedComputer> }) {
  if (!shared.ready) return null;
  return (
    <>
      <div class="check">
        <label>
          <input type="checkbox" name="sharedComputer" checked={shared.on} disabled={shared.locked} aria-describedby="shared-hint" onChange={(e) => void shared.set((e.currentTarget as HTMLInputElement).checked)} />
          {t('shared_option')}
        </label>
      </div>
      <p class="hint" id="shared-hint">
        {t(shared.locked ? 'shared_option_locked' : 'shared_option_help')}
      </p>
    </>
  );
}
