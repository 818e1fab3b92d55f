/**
 * The pane's choices (profile and rule thresholds), kept in context.workbook.settings so they
 * travel with the file and apply to everyone who opens it. [ExcelApi 1.4]
 */
export const SETTINGS_KEY = 'styrkoll.settings';

export interface StyrkollSettings {
  /** Profile id (hedemora, flen, standard) or null for "from the workbook / default". */
  profile: string | null;
  /** Rule thresholds by the name the rule set exposes, e.g. { "Tröskel varning %": 2 }. */
  thresholds: Record<string, number>;
}

export const DEFAULT_SETTINGS: StyrkollSettings = { profile: null, thresholds: {} };

export async function loadSettings(context: Excel.RequestContext): Promise<StyrkollSettings> {
  const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  item.load('value');
  await context.sync();
  return item.isNullObject ? { ...DEFAULT_SETTINGS, thresholds: {} } : parseSettings(item.value);
}

export async function saveSettings(context: Excel.RequestContext, settings: StyrkollSettings): Promise<void> {
  context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(parseSettings(settings)));
  await context.sync();
}

/** Accepts what an older version or a hand-edited file stored; drops what it cannot use. */
export function parseSettings(value: unknown): StyrkollSettings {
  let data = value;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      data = null;
    }
  }
  const obj = (data && typeof data === 'object' ? data : {}) as Partial<Record<keyof StyrkollSettings, unknown>>;
  const thresholds: Record<string, number> = {};
  if (obj.thresholds && typeof obj.thresholds === 'object') {
    for (const [k, v] of Object.entries(obj.thresholds as Record<string, unknown>)) {
      if (typeof v === 'number' && Number.isFinite(v)) thresholds[k] = v;
    }
  }
  return { profile: typeof obj.profile === 'string' && obj.profile.trim() !== '' ? obj.profile.trim() : null, thresholds };
}
