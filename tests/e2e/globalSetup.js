// Builds the browser bundle of the fake Excel host, and the development build of the self-test page
// (from webpack.config.js itself, its self-test entry only, into .e2e/dev), before the browser tests.
const path = require('node:path');
const webpack = require('webpack');
const config = require('./webpack.fake.js');
const makeConfig = require('../../webpack.config.js');

/** The development config reduced to the self-test page. */
async function selfTestConfig() {
  const dev = await makeConfig({ transpileOnly: true }, { mode: 'development' });
  return {
    ...dev,
    devtool: false,
    entry: { selftest: dev.entry.selftest },
    output: { ...dev.output, path: path.join(__dirname, '..', '..', '.e2e', 'dev') },
    plugins: dev.plugins.filter((p) => p.userOptions?.filename === 'selftest.html'),
  };
}

module.exports = async () => {
  const configs = [config, await selfTestConfig()];
  await new Promise((resolve, reject) => {
    webpack(configs, (err, stats) => {
      if (err || stats.hasErrors()) reject(err ?? new Error(stats.toString('errors-only')));
      else resolve();
    });
  });
};
