import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';

/** The passphrase fields of the incident log: lock and unlock (LogLock.tsx), encrypted export and import (EncryptedExport.tsx). */

const field = 'width:100%;font:inherit;padding:.45rem .55rem;border:1px solid var(--line);border-radius:6px;color:var(--fg);background:var(--bg)';

/** One labelled passphrase input. `narrow`: at most 24rem wide (inside the log's export and import row). */
export function Passphrase({ id, label, value, onInput, autoComplete, describedBy, narrow }: { id: string; label: string; value: string; onInput(v: string): void; autoComplete: string; describedBy?: string; narrow?: boolean }) {
  return (
    <>
      <label for={id}>{label}</label>
      <input id={id} name={id} type="password" value={value} autoComplete={autoComplete} aria-describedby={describedBy} spellcheck={false} style={narrow ? field.replace('width:100%;', 'width:100%;max-width:24rem;') : field} onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)} />
    </>
  );
}

interface FormProps {
  /** The form's own attributes: its test id and its accessible name. */
  form: { 'data-testid': string; 'aria-label'?: string; 'aria-labelledby'?: string; style?: string };
  inputId: string;
  label: string;
  describedBy?: string;
  narrow?: boolean;
  /** The submit button's text key (it says "working" while busy). */
  submit: string;
  errorTestId?: string;
  onCancel?(): void;
  /** Does the work with the passphrase typed; resolves to the error to show ('' for none). `clear` empties the field. */
  run(pass: string, clear: () => void): Promise<string>;
  /** What comes before the field (heading, help). */
  children?: ComponentChildren;
}

/** A form asking for the current passphrase: one submission at a time, the error announced, an optional cancel. */
export function PassphraseForm(props: FormProps) {
  const [pass, setPass] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      const problem = await props.run(pass, () => setPass(''));
      if (problem) setError(problem);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} {...props.form}>
      {props.children}
      <Passphrase id={props.inputId} label={props.label} value={pass} onInput={setPass} autoComplete="current-password" describedBy={props.describedBy} narrow={props.narrow} />
      <p class="error" aria-live="assertive" data-testid={props.errorTestId}>
        {error}
      </p>
      <div class="actions">
        <button type="submit" disabled={busy} aria-busy={busy}>
          {t(busy ? 'loglock_working' : props.submit)}
        </button>
        {props.onCancel && (
          <button type="button" class="secondary" onClick={props.onCancel}>
            {t('logexport_cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
