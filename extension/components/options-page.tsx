import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../lib/api.js';
import type { Catalogue } from '../lib/i18n.js';
import { localePreferenceItem, type LocalePreference } from '../lib/locale.js';
import { normalizedServerUrl, serverUrlItem, sessionItem, signIn, signOut } from '../lib/session.js';
import { useExtension, useStorageValue } from './context.js';
import { errorText } from './feedback.js';
import { useClipShortcut } from './use-clip-shortcut.js';

type Notice = { tone: 'ok' | 'error'; text: string } | null;

/**
 * The options page: which server to talk to, the account — sign in with email and password or with a
 * one-time code from the bot's `/connect`; sign out revokes the token on the server — the language, and the
 * clip shortcut the browser really assigned.
 */
export function OptionsPage() {
  const { t } = useExtension();
  const shortcut = useClipShortcut();
  return (
    <div class="options">
      <h1>{t.optionsTitle}</h1>
      <ServerSection />
      <AccountSection />
      <LanguageSection />
      {shortcut !== undefined && <p class="hint shortcut">{t.shortcutHint(shortcut)}</p>}
    </div>
  );
}

/** Auto follows the account's language (then the browser's); the choice applies to every page at once. */
function LanguageSection() {
  const { t } = useExtension();
  const preference = useStorageValue(localePreferenceItem).value ?? 'auto';
  const choices: { value: LocalePreference; label: string; lang?: string }[] = [
    { value: 'auto', label: t.languageAuto },
    { value: 'en', label: t.languageEn, lang: 'en' },
    { value: 'zh', label: t.languageZh, lang: 'zh-CN' },
  ];
  return (
    <section class="card">
      <fieldset class="plain-fieldset">
        <legend>
          <h2>{t.languageSection}</h2>
        </legend>
        {choices.map(({ value, label, lang }) => (
          <label key={value} class="choice" {...(lang ? { lang } : {})}>
            <input type="radio" name="language" checked={preference === value} onChange={() => void localePreferenceItem.setValue(value)} /> {label}
          </label>
        ))}
      </fieldset>
    </section>
  );
}

function ServerSection() {
  const { api, t } = useExtension();
  const stored = useStorageValue(serverUrlItem);
  const session = useStorageValue(sessionItem).value;
  const [draft, setDraft] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const value = draft ?? stored.value ?? '';

  const save = async (event: Event) => {
    event.preventDefault();
    const url = normalizedServerUrl(value);
    if (!url) {
      setNotice({ tone: 'error', text: t.serverInvalid });
      return;
    }
    // A token belongs to the server that issued it: leaving that server means signing out of it first.
    if (session && url !== session.serverUrl) await signOut(api);
    await serverUrlItem.setValue(url);
    setDraft(null);
    setNotice({ tone: 'ok', text: t.serverSaved });
  };

  return (
    <section class="card">
      <h2>{t.serverSection}</h2>
      <form onSubmit={save} noValidate>
        <div class="field">
          <label>
            <span class="label">{t.serverUrl}</span>
            <input type="url" value={value} onInput={(e) => setDraft(e.currentTarget.value)} />
          </label>
          <span class="hint">{t.serverUrlHint}</span>
          {session && <span class="hint">{t.serverChangeSignsOut}</span>}
        </div>
        <button type="submit" class="secondary">
          {t.saveServer}
        </button>
        {notice && <p class={notice.tone === 'ok' ? 'notice ok' : 'field-error'} role="status">{notice.text}</p>}
      </form>
    </section>
  );
}

function AccountSection() {
  const { api, t } = useExtension();
  const session = useStorageValue(sessionItem);
  const [mode, setMode] = useState<'password' | 'code'>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  useEffect(() => {
    if (session.value) setPassword('');
  }, [session.value]);

  if (!session.loaded) return null;

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    try {
      await signIn(api, mode === 'code' ? { code } : { email, password });
    } catch (error) {
      setNotice({ tone: 'error', text: signInError(error, mode, t) });
    } finally {
      setBusy(false);
    }
  };

  const leave = async () => {
    setBusy(true);
    const { revoked } = await signOut(api);
    setNotice({ tone: revoked ? 'ok' : 'error', text: revoked ? t.signedOut : t.signedOutLocally });
    setBusy(false);
  };

  if (session.value) {
    const { account, serverUrl } = session.value;
    return (
      <section class="card">
        <h2>{t.accountSection}</h2>
        <p role="status">
          {t.signedInAs(account.displayName, account.email)} <span class="muted">{t.signedInOn(serverUrl)}</span>
        </p>
        <button type="button" class="secondary" disabled={busy} onClick={leave}>
          {t.signOut}
        </button>
      </section>
    );
  }

  return (
    <section class="card">
      <h2>{t.accountSection}</h2>
      <div class="segmented" role="radiogroup">
        <label>
          <input type="radio" name="mode" checked={mode === 'password'} onChange={() => setMode('password')} /> {t.signInWithPassword}
        </label>
        <label>
          <input type="radio" name="mode" checked={mode === 'code'} onChange={() => setMode('code')} /> {t.signInWithCode}
        </label>
      </div>
      <form onSubmit={submit}>
        {mode === 'password' ? (
          <>
            <div class="field">
              <label>
                <span class="label">{t.email}</span>
                <input type="email" autoComplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
              </label>
            </div>
            <div class="field">
              <label>
                <span class="label">{t.password}</span>
                <input type="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
              </label>
            </div>
          </>
        ) : (
          <div class="field">
            <label>
              <span class="label">{t.oneTimeCode}</span>
              <input autoComplete="one-time-code" required value={code} onInput={(e) => setCode(e.currentTarget.value)} />
            </label>
            <span class="hint">{t.oneTimeCodeHint}</span>
          </div>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t.signingIn : t.signIn}
        </button>
      </form>
      {notice && <p class={notice.tone === 'ok' ? 'notice ok' : 'field-error'} role={notice.tone === 'ok' ? 'status' : 'alert'}>{notice.text}</p>}
    </section>
  );
}

/** Why sign-in failed, in the reader's language for the usual reasons (wrong password, a spent code). */
function signInError(error: unknown, mode: 'password' | 'code', t: Catalogue): string {
  if (error instanceof ApiError && mode === 'password' && error.status === 401) return t.wrongPassword;
  if (error instanceof ApiError && mode === 'code' && error.status === 422) return t.codeRefused;
  return errorText(error, t);
}
