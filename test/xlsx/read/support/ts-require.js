/**
 * Lets plain Node (a worker thread started by a test) require the TypeScript sources: each .ts
 * file is transpiled on first require and cached under the system temp dir by path and mtime.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');

const cacheDir = path.join(os.tmpdir(), 'styrkoll-ts-require');
let ts = null;

function transpile(filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const key = crypto.createHash('sha1').update(filename).update(source).digest('hex');
  const cached = path.join(cacheDir, key + '.js');
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    // not cached yet
  }
  ts = ts || require('typescript');
  const out = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
  fs.mkdirSync(cacheDir, { recursive: true });
  const tmp = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(tmp, out);
  fs.renameSync(tmp, cached);
  return out;
}

require.extensions['.ts'] = (module, filename) => module._compile(transpile(filename), filename);
