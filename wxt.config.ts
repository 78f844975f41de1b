import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * The permissions the shipped extension asks for, and nothing more. No host permissions: the server's CORS
 * admits the extension's origin, and the clipper reaches a page only through the `activeTab` grant the user
 * gives by clicking (toolbar, context menu, keyboard shortcut).
 */
const SHIPPED_PERMISSIONS = ['storage', 'activeTab', 'scripting', 'contextMenus', 'alarms', 'sidePanel'] as const;

/**
 * `TENDERLAB_TEST_HOST=http://127.0.0.1:PORT` makes a test-only build into `.output/e2e/`: Chrome grants
 * `activeTab` only on a real user gesture, which an automated browser cannot make, so that build alone adds
 * a host permission for the local test origin. Anything but a loopback http origin is refused, so the
 * variable can never widen a build to real sites.
 */
function testHostPermission(testHost: string | undefined): string | null {
  if (!testHost) return null;
  const url = new URL(testHost);
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'http:' || !loopback || url.pathname !== '/' || url.search || url.hash) {
    throw new Error(`TENDERLAB_TEST_HOST must be a loopback http origin such as http://127.0.0.1:4321, not ${testHost}`);
  }
  return `${url.origin}/*`;
}

const testHost = testHostPermission(process.env.TENDERLAB_TEST_HOST);

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  imports: false,
  outDir: testHost ? '.output/e2e' : '.output',
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Firefox has no sidePanel API (its sidebar needs no permission), so it does not ask for it.
    permissions: SHIPPED_PERMISSIONS.filter((permission) => browser !== 'firefox' || permission !== 'sidePanel'),
    ...(testHost ? { host_permissions: [testHost] } : {}),
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      // Alt+Shift+K because Chromium really assigns it: it leaves Alt+Shift+P, C, R and T unassigned (held by the
      // browser), and ChromeOS keeps Alt+Shift+S, L, M, N and I for itself. The UI names whatever key the
      // browser reports (`commands.getAll`), never this one.
      'clip-paper': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_clipCommand__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'extension@tenderlab.invalid',
              // What leaves the device, and only for the server the user configured: the sign-in (email and
              // password), and of each page the user clips its address, bibliographic data and selected text.
              data_collection_permissions: {
                required: ['authenticationInfo', 'personallyIdentifyingInfo', 'browsingActivity', 'websiteContent'],
              },
            },
          },
        }
      : {}),
  }),
});
