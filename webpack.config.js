/* Builds the add-in: the task pane and the ribbon commands, each with its own page. */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000';
/**
 * office.js from Microsoft's CDN, as Microsoft requires for production and AppSource: the CDN copy
 * follows the host (new API sets such as notes in ExcelApi 1.18), while the npm copy is frozen at
 * the version in package.json and is for development only. Only the add-in's pages load it; the
 * plain web page (index.html, npm run serve) does not, so it works offline.
 */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

function productionUrl(env) {
  const url = (env && env.url) || process.env.ADDIN_URL || '';
  if (!url) return null;
  if (!/^https:\/\/[^\s"<>]+$/.test(url)) throw new Error(`ADDIN_URL måste vara en https-adress utan mellanslag: ${url}`);
  return url.replace(/\/+$/, '');
}

/** What a production build without ADDIN_URL says, on the terminal and as a webpack warning. */
const LOCALHOST_WARNING = [
  `dist/manifest.xml pekar på ${DEV_URL} (utveckling): ADDIN_URL är inte satt.`,
  'Ett sådant manifest fungerar bara på datorn där npm run dev-server kör. För att dela tillägget:',
  '  ADDIN_URL=https://din-server.example npm run build',
].join('\n');

/**
 * Says where the built manifest points, so a production build never quietly ships one for
 * localhost: without ADDIN_URL it warns loudly (on stderr, boxed, and as a webpack warning).
 */
class ManifestTargetPlugin {
  constructor(url, production) {
    this.url = url;
    this.production = production;
  }
  apply(compiler) {
    compiler.hooks.done.tap('ManifestTargetPlugin', () => {
      if (this.url) console.error(`Styrkoll: dist/manifest.xml pekar på ${this.url}`);
      else if (this.production) {
        const lines = LOCALHOST_WARNING.split('\n');
        const width = Math.max(...lines.map((l) => l.length));
        const bar = '!'.repeat(width + 4);
        console.error(['', bar, ...lines.map((l) => `! ${l.padEnd(width)} !`), bar, ''].join('\n'));
      }
    });
    if (this.url || !this.production) return;
    compiler.hooks.thisCompilation.tap('ManifestTargetPlugin', (compilation) => {
      compilation.warnings.push(new compiler.webpack.WebpackError(LOCALHOST_WARNING));
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const url = productionUrl(env);
  const rewrite = (content) => (url ? content.toString().split(DEV_URL).join(url) : content);

  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-source-map',
    entry: {
      taskpane: './taskpane/taskpane.ts',
      commands: './taskpane/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist/addin'),
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js', '.json'],
      // No fallbacks for Node built-ins: the core and the xlsx adapter are pure, and a module that
      // pulls one in must fail the build rather than ship an empty stand-in.
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: true } } },
        },
      ],
    },
    performance: { maxAssetSize: 2_000_000, maxEntrypointSize: 2_000_000 },
    plugins: [
      new ManifestTargetPlugin(url, production),
      // One template, two pages: Excel's task pane with office.js, and the plain web page (npm run
      // serve serves it at /) without it.
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './taskpane/taskpane.html', chunks: ['taskpane'], officeJs: OFFICE_JS_CDN }),
      new HtmlWebpackPlugin({ filename: 'index.html', template: './taskpane/taskpane.html', chunks: ['taskpane'], officeJs: null }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './taskpane/commands.html', chunks: ['commands'], officeJs: OFFICE_JS_CDN }),
      new CopyWebpackPlugin({
        patterns: [
          // dist/manifest.xml is the file to sideload or upload; the pages are served from dist/addin.
          { from: 'manifest.xml', to: '../manifest.xml', transform: rewrite },
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'taskpane/help.html', to: 'help.html' },
          { from: 'taskpane/taskpane.css', to: 'taskpane.css' },
        ],
      }),
    ],
    // Only for `webpack serve` (npm run dev-server): Office needs a trusted certificate, which
    // office-addin-dev-certs creates (and installs; a production build never calls it).
    devServer: env.WEBPACK_SERVE
      ? {
          static: path.resolve(__dirname, 'dist/addin'),
          port: 3000,
          server: { type: 'https', options: await require('office-addin-dev-certs').getHttpsServerOptions() },
          headers: { 'Access-Control-Allow-Origin': '*' },
        }
      : undefined,
  };
};
