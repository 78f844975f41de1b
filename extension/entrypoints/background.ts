import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background.js';
import { browserLocale } from '../lib/i18n.js';
import { createExtensionApi } from '../lib/session.js';

export default defineBackground(() => {
  startBackground({ browser, api: createExtensionApi(), locale: browserLocale() });
});
