import { defineConfig } from 'vitest/config';

/**
 * End-to-end scenarios: the packaged extension in VS Code 1.96.4 (code-server) driven in
 * Chromium. `npm run test:e2e`. One code-server per test file; the scenarios of a file run in
 * order and share it, and the files run one after another.
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/e2e/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    // Above the harness's ceiling for one wait (CEILING_MS): a scenario may wait for several states.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    teardownTimeout: 30_000,
  },
});
