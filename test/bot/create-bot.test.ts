import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testRuntime } from '../support/runtime.js';

const BOT_DIR = new URL('../../bot/', import.meta.url).pathname;

describe('createBot', () => {
  it('builds on the domain alone: no bot module imports server/store, and the services hold no store', async () => {
    const modules = (await readdir(BOT_DIR, { recursive: true })).filter((path) => path.endsWith('.ts'));
    expect(modules).toContain('create-bot.ts');
    const importingStore: string[] = [];
    for (const path of modules) {
      const source = await readFile(join(BOT_DIR, path), 'utf8');
      if (/from '[^']*server\/store\//.test(source)) importingStore.push(path);
    }
    expect(importingStore).toEqual([]);
    expect(Object.keys((await testRuntime()).services)).not.toContain('store');
  });
});
