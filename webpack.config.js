// Builds the task pane and the ribbon's function file into dist/, with the assets and a manifest
// whose URLs point at ADDIN_BASE_URL (production) or https://localhost:3000/ (development).
const path = require('node:path');
const webpack = require('webpack');
const fs = require('node:fs');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const { DEV_BASE_URL, checkBaseUrl, productionManifest } = require('./scripts/manifest');

/** The production base URL from ADDIN_BASE_URL, checked, or null when it is not set. */
function productionBaseUrl() {
  const raw = process.env.ADDIN_BASE_URL;
  return raw ? checkBaseUrl(raw) : null;
}

/** HTTPS options for the dev server: the Office dev certificates, trusted if the CA installs, else generated and explained. */
async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const dir = path.join(require('node:os').homedir(), '.office-addin-dev-certs');
    const files = ['ca.crt', 'localhost.crt', 'localhost.key'].map((f) => path.join(dir, f));
    if (!files.every((f) => fs.existsSync(f))) await devCerts.generateCertificates(...files);
    console.warn(
      `\nThe developer CA could not be installed (${error instanceof Error ? error.message.split('\n')[0] : error}).\n` +
        `Serving with the generated certificate anyway. To trust it, import ${files[0]} as a trusted root\n` +
        '(Linux: copy it to /usr/local/share/ca-certificates/ and run update-ca-certificates; Windows/macOS: npx office-addin-dev-certs install).\n',
    );
    return { ca: fs.readFileSync(files[0]), cert: fs.readFileSync(files[1]), key: fs.readFileSync(files[2]) };
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  const base = dev ? DEV_BASE_URL : productionBaseUrl();
  if (!dev && base === null) {
    console.warn(
      '\nADDIN_BASE_URL is not set: dist/manifest.xml is not written. Set it to the https:// address that will host dist/, e.g.\n  ADDIN_BASE_URL=https://addins.example.gov.uk/action-plan-checker/ npm run build\n',
    );
  }
  const copies = [
    { from: 'assets/*.png', to: 'assets/[name][ext]' },
    { from: 'src/support.html', to: 'support.html' },
    { from: 'src/taskpane/old-webview.js', to: 'old-webview.js' },
  ];
  if (base !== null) {
    copies.push({
      from: 'manifest.xml',
      to: 'manifest.xml',
      transform: (content) => (dev ? content : productionManifest(content.toString(), base)),
    });
  }
  const serving = Boolean(env?.WEBPACK_SERVE) || process.env.WEBPACK_SERVE === 'true';
  // `--env transpileOnly`: the browser tests' build, which `npm test` runs after `npm run typecheck` has checked
  // the same files; ts-loader then only strips types (the output is the same: every file compiles on its own).
  const transpileOnly = Boolean(env?.transpileOnly);
  return {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      notice: './src/commands/notice.ts',
      // The self-test page for real Excel: development builds only (reached from the pane's Settings).
      ...(dev ? { selftest: './src/selftest/selftest.ts' } : {}),
    },
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].[contenthash:8].js', clean: true },
    // A lazy import names its module with `.js`, as Node's ESM rules (the bench's and the command's) require.
    resolve: { extensions: ['.ts', '.tsx', '.js'], extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { onlyCompileBundledFiles: true, transpileOnly, compilerOptions: { noEmit: false } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
      new HtmlWebpackPlugin({ filename: 'notice.html', template: './src/commands/notice.html', chunks: ['notice'] }),
      ...(dev
        ? [new HtmlWebpackPlugin({ filename: 'selftest.html', template: './src/selftest/selftest.html', chunks: ['selftest'] })]
        : []),
      new CopyWebpackPlugin({ patterns: copies }),
      // The .xlsx reader inflates with node:zlib on the command line; in the browser (the pane reading a previous
      // return) with fflate.
      new webpack.NormalModuleReplacementPlugin(/^\.\/codec$/, (resource) => {
        if (resource.context.endsWith(path.join('src', 'xlsx'))) resource.request = './codec.browser';
      }),
    ],
    devServer: {
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: serving ? { type: 'https', options: await httpsOptions() } : 'https',
    },
  };
};
