/**
 * Starts the check worker. webpack recognises this exact `new Worker(new URL(…, import.meta.url))`
 * form, bundles worker.ts as its own script next to the page and fills in its URL; the served
 * Content-Security-Policy allows it with `worker-src 'self'`. Kept alone in this file because
 * `import.meta` exists only in the webpack build (jest and tsc see CommonJS).
 */
export function spawnCheckWorker(): Worker {
  // @ts-ignore TS1343: import.meta is handled by webpack; tsconfig.json type-checks as CommonJS.
  return new Worker(new URL('./worker.ts', import.meta.url), { name: 'styrkoll-kontroll' });
}
