#!/usr/bin/env node
'use strict';
require('../dist/src/cli/main.js').main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`styrkoll: oväntat fel: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
