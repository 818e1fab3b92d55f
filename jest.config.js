/**
 * Two projects. `unit` needs only the sources (and the CLI build, which `npm ci` makes and `npm run
 * test:unit` refreshes): `npm run test:unit`, about a minute, for everyday work. `integration` is
 * the rest: the CLI end to end in its own processes, sweeps over the whole corpus, the built add-in
 * in Chromium, LibreOffice, xmllint. `npm test` runs both. A test file not matched here is a unit test.
 */
const path = require('node:path');

const INTEGRATION = [
  'test/cli/', // the built CLI end to end, in its own processes (incl. the corpus sweep and LibreOffice)
  'test/e2e/', // the built standalone page in Chromium, `npm run serve`
  'test/taskpane/taskpane.test.ts', // builds the task pane, renders it in Chromium
  'test/office/real-client/budget-web.real.test.ts', // 260 000 lines through the real Office.js client, twice
  'test/manifest.test.ts', // xmllint against Microsoft's XSDs, and the built dist/manifest.xml
  'test/corpus-read.test.ts', // every corpus workbook through the guarded reader
  'test/xlsx/read/corpus/', // every corpus workbook read both ways
  'test/xlsx/write/corpus/', // every corpus workbook written and read back
];

/** A pattern for one entry's absolute path: a folder matches every test file under it. */
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pattern = (entry) => `^${escape(path.join(__dirname, entry))}${entry.endsWith('/') ? '.*\\.test\\.ts' : ''}$`;

/** @type {import('jest').Config} */
const common = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: {
    // Type-checking is done once by `tsc --noEmit` in `npm test`; jest only transpiles.
    '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }],
  },
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...INTEGRATION.map(pattern)],
    },
    {
      ...common,
      displayName: 'integration',
      testRegex: INTEGRATION.map(pattern),
    },
  ],
};
