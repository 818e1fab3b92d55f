/**
 * The one place that decides where the pane runs. Inside Excel, Office.onReady reports the host;
 * opened as a plain web page (office.js missing, or host null) the pane runs standalone and will
 * take a workbook file instead.
 */
export type HostKind = 'excel' | 'standalone';

/** Office.onReady never settles on some broken hosts; standalone after this long. */
const READY_TIMEOUT_MS = 10_000;

export async function detectHost(): Promise<HostKind> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return 'standalone';
  const info = await Promise.race([
    Office.onReady(),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), READY_TIMEOUT_MS)),
  ]);
  return info && info.host === Office.HostType.Excel ? 'excel' : 'standalone';
}

/** Excel.run, typed for the adapter functions. Only called when detectHost said 'excel'. */
export function runInExcel<T>(work: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(work);
}
