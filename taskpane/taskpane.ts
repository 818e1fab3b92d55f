/**
 * The task pane page: decides where it runs, then mounts the pane. In Excel it uses the Office
 * adapter; opened as a plain web page it becomes a private checker whose work runs in a Web
 * Worker (taskpane/standalone/).
 */
import { detectHost } from './host';
import { Pane } from './pane/pane';
import { toPaneMessage } from './pane/messages';
import type { PaneServices } from './services';
import { spawnCheckWorker } from './standalone/spawn-worker';
import { createStandaloneServices } from './standalone/standalone-services';

async function main(): Promise<void> {
  const root = document.getElementById('app')!;
  const host = await detectHost();
  let pane: Pane;
  try {
    // The Excel services (core, xlsx, Office adapter) load only in Excel; standalone, all of that
    // runs in the worker and the page stays light.
    const services: PaneServices = host === 'excel' ? (await import('./app-services')).createAppServices() : await createStandaloneServices(spawnCheckWorker());
    pane = new Pane(root, services);
  } catch (e) {
    // A broken rule file is the likely cause: say so in the pane, not only in the console.
    const m = toPaneMessage(e, 'Att starta Styrkoll');
    root.innerHTML = '';
    const box = document.createElement('div');
    box.className = 'message-bar error';
    box.setAttribute('role', 'alert');
    box.innerHTML = '<div><p class="message-title"></p><p class="detail"></p></div>';
    box.querySelector('.message-title')!.textContent = m.title;
    box.querySelector('.detail')!.textContent = m.detail;
    root.append(box);
    root.removeAttribute('aria-busy');
    return;
  }
  await pane.init();
  root.removeAttribute('aria-busy');
  root.dataset.ready = host;
}

void main();
