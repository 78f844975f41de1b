import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Four projects: `unit` (server, bot, shared; Node), `pg` (the domain, API and route suites again, each test
 * runtime on a fresh PostgreSQL database of one throwaway cluster instead of lowdb), `extension` (WXT's fake
 * browser) and `e2e` (real processes, a Bot API emulator, headless Chromium with the built extension).
 *
 * Vitest's default is one worker fewer than the cores, which on a 2-core CI machine is one: every file would
 * run after the other. The in-process projects take two; e2e files, which start servers and browsers of
 * their own, still run one at a time.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          maxWorkers: 2,
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/extension/**', 'test/e2e/**'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'pg',
          maxWorkers: 2,
          include: ['test/server/api/**/*.test.ts', 'test/server/domain/**/*.test.ts', 'test/server/routes/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/postgres-global-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'extension',
          maxWorkers: 2,
          include: ['test/extension/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
