// The self-test page for real Excel is built by `npm run build:dev` only: production builds carry no trace of it.
import { join } from 'node:path';

type Config = { entry: Record<string, string>; plugins: { userOptions?: { filename?: string } }[] };
const makeConfig = require(join(__dirname, '..', 'webpack.config.js')) as (env: unknown, argv: { mode: string }) => Promise<Config>;
const pages = (c: Config) => c.plugins.map((p) => p.userOptions?.filename).filter((f): f is string => typeof f === 'string');

describe('the self-test page', () => {
  test('is an entry and a page of the development build', async () => {
    const dev = await makeConfig({}, { mode: 'development' });
    expect(dev.entry.selftest).toBe('./src/selftest/selftest.ts');
    expect(pages(dev)).toContain('selftest.html');
  });

  test('is neither in the production build', async () => {
    const prod = await makeConfig({}, { mode: 'production' });
    expect(Object.keys(prod.entry)).not.toContain('selftest');
    expect(pages(prod)).not.toContain('selftest.html');
  });
});
