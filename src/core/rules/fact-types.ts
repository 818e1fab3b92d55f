/** The shape of a fact declaration: its value type and its Swedish description (no imports, so every fact module can use it). */
export type FactValue = string | number | boolean | null | string[];

export type FactType = 'number' | 'string' | 'boolean';
export interface FactDef {
  type: FactType;
  description: string;
}

export const n = (description: string): FactDef => ({ type: 'number', description });
export const s = (description: string): FactDef => ({ type: 'string', description });
export const b = (description: string): FactDef => ({ type: 'boolean', description });

/** The money facts budget lines and nämnder share. */
export const MONEY = {
  budget: n('Budget (nettokostnad)'),
  utfall: n('Utfall (nettokostnad)'),
  prognos: n('Helårsprognos (nettokostnad)'),
  avvikelse: n('Avvikelse beräknad av Styrkoll: budget − prognos (− utfall utan prognoskolumn); negativ = underskott'),
  avvikelseProcent: n('Avvikelse i procent av budgetens belopp; null när budget saknas eller är 0'),
  underskott: n('Underskottet som positivt belopp (0 vid överskott)'),
  underskottProcent: n('Underskottet i procent av budgetens belopp'),
  overskott: n('Överskottet som positivt belopp (0 vid underskott)'),
  overskottProcent: n('Överskottet i procent av budgetens belopp'),
  harBudget: b('Budget finns och är skild från 0'),
  harUtfall: b('Utfall finns och är skilt från 0'),
  harPrognos: b('Prognos finns och är skild från 0'),
  budgetBelopp: n('Budgetens belopp utan tecken, så som det står i bladet (en intäktsbudget är negativ som nettokostnad)'),
} as const;
