import type { Api } from 'grammy';
import { COMMANDS, messagesFor } from './i18n.js';

/**
 * The command menu in both languages: English as the default, Chinese for people whose Telegram app is
 * set to Chinese (`language_code: 'zh'`).
 */
export async function registerCommands(api: Api): Promise<void> {
  const menu = (locale: 'en' | 'zh') => COMMANDS.map((command) => ({ command, description: messagesFor(locale).commands[command] }));
  await api.setMyCommands(menu('en'));
  await api.setMyCommands(menu('zh'), { language_code: 'zh' });
}
