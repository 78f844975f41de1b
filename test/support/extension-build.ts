import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../..');
const WXT = join(ROOT, 'node_modules/.bin/wxt');

export interface BuiltExtension {
  dir: string;
  manifest: Record<string, any>;
}

/**
 * Builds the extension with `wxt build` as `npm run build` does. With `testHost` it is the test-only build
 * (`TENDERLAB_TEST_HOST`, output under `.output/e2e/`), which alone may reach that loopback origin.
 */
export async function buildExtension({ browser = 'chrome', testHost }: { browser?: 'chrome' | 'firefox'; testHost?: string } = {}): Promise<BuiltExtension> {
  const env = { ...process.env, TENDERLAB_TEST_HOST: testHost ?? '' };
  await promisify(execFile)(WXT, ['build', '-b', browser], { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 });
  const dir = join(ROOT, testHost ? '.output/e2e' : '.output', browser === 'chrome' ? 'chrome-mv3' : 'firefox-mv2');
  return { dir, manifest: JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) };
}
