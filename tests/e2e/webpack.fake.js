// Bundles the strict fake Excel host for the browser tests (served as office.js).
const path = require('node:path');

module.exports = {
  mode: 'development',
  devtool: false,
  entry: path.join(__dirname, 'fakeOffice.entry.ts'),
  output: { path: path.join(__dirname, '..', '..', '.e2e'), filename: 'fake-office.js' },
  // A lazy import names its module with `.js`, as Node's ESM rules (the bench's and the command's) require.
  resolve: { extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
      },
    ],
  },
};
