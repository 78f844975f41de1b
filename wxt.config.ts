import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The extension: sources in extension/, Preact UI, no host permissions (the server's CORS admits us).
export default defineConfig({
  srcDir: 'extension',
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Tenderlab',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', 'alarms', 'sidePanel'],
  },
});
