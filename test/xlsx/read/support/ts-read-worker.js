/** Worker entry for tests: runs src/node/read-worker.ts from source (see ts-require.js). */
require('./ts-require');
require('../../../../src/node/read-worker.ts');
