/**
 * Standalone settings live in this browser's localStorage (never in a cookie, never sent
 * anywhere). Private windows or blocked storage make saving fail; the pane then says so and the
 * settings apply until the page is closed.
 */
import { parseSettings, type StyrkollSettings } from '../../src/office/settings';
import type { SettingsStore } from '../services';

export const STORAGE_KEY = 'styrkoll.settings';

export function createLocalSettingsStore(storage: () => Storage = () => window.localStorage): SettingsStore {
  return {
    where: 'browser',
    async load() {
      let raw: string | null = null;
      try {
        raw = storage().getItem(STORAGE_KEY);
      } catch {
        // Storage blocked: start from the defaults.
      }
      return parseSettings(raw);
    },
    async save(settings: StyrkollSettings) {
      storage().setItem(STORAGE_KEY, JSON.stringify(parseSettings(settings)));
    },
  };
}
