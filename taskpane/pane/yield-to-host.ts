/**
 * Gives the browser (and Office) a turn between slices of a long check, so the pane keeps
 * painting and Excel does not think the add-in hung. A MessageChannel message runs sooner than
 * setTimeout(0), which browsers clamp to ≥ 4 ms after a few nested calls.
 */
export function createYieldToHost(): () => Promise<void> {
  if (typeof MessageChannel === 'undefined') return () => new Promise((resolve) => setTimeout(resolve, 0));
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}
