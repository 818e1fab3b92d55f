/** The task pane page: decides where it runs, then mounts the pane with the real services. */
import { detectHost } from './host';
import { Pane } from './pane/pane';
import { toPaneMessage } from './pane/messages';
import { createAppServices } from './app-services';

async function main(): Promise<void> {
  const root = document.getElementById('app')!;
  const host = await detectHost();
  let pane: Pane;
  try {
    pane = new Pane(root, createAppServices(host), host);
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
    return;
  }
  await pane.init();
}

void main();
