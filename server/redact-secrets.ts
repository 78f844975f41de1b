/** A Telegram bot token (`123456:AA…`), wherever text might quote one (a request URL inside a network error). */
const BOT_TOKEN = /\d{5,}:[A-Za-z0-9_-]{30,}/g;

/**
 * `text` with every bot token in it replaced by `[redacted]`: the known `secret` wherever it appears (even
 * if it is not token-shaped), and anything shaped like a bot token. For log lines and stored error texts.
 */
export function redactSecrets(text: string, secret?: string): string {
  const known = secret ? text.split(secret).join('[redacted]') : text;
  return known.replace(BOT_TOKEN, '[redacted]');
}
