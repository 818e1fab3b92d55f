/** The FunctionFile page (commands.html): the ribbon's "Kontrollera budget". */
import { writeResult } from '../src/office';
import { checkOpenWorkbook } from './app-services';
import { runInExcel } from './host';
import { createKontrolleraBudgetHandler, errorSheet, registerRibbonCommands } from './ribbon-handler';

const handler = createKontrolleraBudgetHandler({
  check: () => checkOpenWorkbook(),
  report: (message) => runInExcel((ctx) => writeResult(ctx, { kontroll: errorSheet(message), marks: [] })),
});

Office.onReady(() => registerRibbonCommands(Office as unknown as Parameters<typeof registerRibbonCommands>[0], handler));
