// Bundles the strict fake Excel host for the browser tests (served as office.js).
const path = require('node:path');

module.exports = {
  mode: 'development',
  devtool: false,
  entry: path.join(__dirname, 'fakeOffice.entry.ts'),
  output: { path: path.join(__dirname, '..', '..', '.e2e'), filename: 'fake-office.js' },
  resolve: { extensions: ['.ts', '.js'] },
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
