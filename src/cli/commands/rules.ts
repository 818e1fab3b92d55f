import { loadEngine } from '../workbook-io';
import type { CliIo } from './check';
import { EXIT_OK } from '../errors';
import { oneLine } from '../terminal-text';

export async function runRules(opts: { profile?: string; json?: boolean }, io: CliIo): Promise<number> {
  const rows = (await loadEngine()).listRules(opts.profile ?? 'standard');
  if (opts.json) {
    io.out(JSON.stringify(rows, null, 2));
    return EXIT_OK;
  }
  io.out(`Aktiva regler för profilen ${opts.profile ?? 'standard'} (${rows.length} st):\n`);
  for (const r of rows) {
    io.out(`${r.id}  [${r.category}, ${r.severity}]\n  ${oneLine(r.description)}\n  Källa: ${oneLine(r.source)} – ”${oneLine(r.quote)}”\n`);
  }
  return EXIT_OK;
}
