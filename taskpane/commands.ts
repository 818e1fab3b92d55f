/** The FunctionFile page (commands.html): the ribbon's "Kontrollera budget". */
import { writeResult } from '../src/office';
import { checkOpenWorkbook, runWriting, useRibbonWriter } from './app-services';
import { createKontrolleraBudgetHandler, errorSheet, registerRibbonCommands } from './ribbon-handler';

// This page's writes hold the workbook's write lock as the ribbon's (app-services.ts).
useRibbonWriter();

const handler = createKontrolleraBudgetHandler({
  check: () => checkOpenWorkbook(),
  report: (message) => runWriting((ctx, onRequest) => writeResult(ctx, { kontroll: errorSheet(message), marks: [] }, { onRequest })),
});

Office.onReady(() => registerRibbonCommands(Office as unknown as Parameters<typeof registerRibbonCommands>[0], handler));
