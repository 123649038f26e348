import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn processes; give a loaded 2-core machine room without timing anything.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
