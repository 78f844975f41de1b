import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, ServerUnreachableError } from '../lib/api.js';
import type { Catalogue } from '../lib/i18n.js';
import { useExtension } from './context.js';

/** An error as a sentence the reader can act on. */
export function errorText(error: unknown, t: Catalogue): string {
  if (error instanceof ServerUnreachableError) return t.serverUnreachable(error.serverUrl);
  if (error instanceof ApiError && error.status === 401) return t.sessionExpired;
  if (error instanceof ApiError && error.code === 'unexpected_answer' && error.serverUrl) return t.notTenderlab(error.serverUrl);
  return error instanceof Error ? error.message : String(error);
}

/** A failed load or action, with a way to try again. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useExtension();
  return (
    <div class="notice error" role="alert">
      <span>{errorText(error, t)}</span>
      {onRetry && (
        <button type="button" class="link" onClick={onRetry}>
          {t.retry}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useExtension();
  return <p class="muted" aria-busy="true">{t.loading}</p>;
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

/** The current time, ticking every `intervalMs`, for countdowns that stay true while a page is open. */
export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** A button that copies `text` and says so for a moment. */
export function CopyButton({ text }: { text: string }) {
  const { t } = useExtension();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <button type="button" class="link" onClick={copy}>
      {copied ? t.copied : t.copy}
    </button>
  );
}
