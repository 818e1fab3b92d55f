/** The one Engine of a page (the pane in Excel, the ribbon's command) or of the standalone page's worker. */
import { Engine } from '../src/core';
import { bundledRuleFiles } from './rule-files';

let engine: Engine | null = null;

/**
 * The engine of the bundled rule files, built on first use; a broken rule file or report template
 * is a Swedish REGELFIL or MALL error wherever it is first asked for.
 */
export function bundledEngine(): Engine {
  engine ??= new Engine(bundledRuleFiles());
  return engine;
}
