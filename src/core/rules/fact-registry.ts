/** The facts each scope provides, with a Swedish description: used to validate rule files, in docs and tests. */
import type { Scope } from './rule-schema';

export type FactValue = string | number | boolean | null | string[];

export type FactType = 'number' | 'string' | 'boolean';
export interface FactDef {
  type: FactType;
  description: string;
}

const n = (description: string): FactDef => ({ type: 'number', description });
const s = (description: string): FactDef => ({ type: 'string', description });
const b = (description: string): FactDef => ({ type: 'boolean', description });

const MONEY = {
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
};

const DEADLINE = {
  klar: b('Status betyder att arbetet är klart (Klar, Genomförd, Avslutad, Slutförd)'),
  periodSlut: s('Sista dagen i arbetsbokens Period (åååå-mm-dd); null utan Period'),
  forsenad: b('Klart senast ligger före periodens slut och status är inte klar; null när datum eller Period saknas'),
};

/** Every fact each scope provides: used to validate rule files, in docs and in tests. */
export const SCOPE_FACTS: Record<Scope, Record<string, FactDef>> = {
  budgetrad: {
    namnd: s('Nämnd'),
    verksamhet: s('Verksamhet'),
    konto: s('Konto'),
    typ: s('kostnad eller intakt'),
    typText: s('" (intäkter)" för en intäktsrad, annars null – för meddelanden med {typText:valfri}'),
    ...MONEY,
    avvikelseAngiven: n('Avvikelse som den står i bladet'),
    kommentar: s('Kommentar'),
    harKommentar: b('Kommentar är ifylld'),
  },
  namnd: {
    namnd: s('Nämnd'),
    ...MONEY,
    antalRader: n('Antal budgetrader för nämnden'),
    antalAtgarder: n('Antal åtgärder för nämnden i bladet Åtgärder'),
    atgarderBelopp: n('Summa Belopp för nämndens åtgärder'),
    harAtgardsplan: b('Nämnden har minst en åtgärd i bladet Åtgärder'),
    harAtgardsblad: b('Arbetsboken har bladet Åtgärder'),
    antalMal: n('Antal mål med nämnden som ägare'),
    antalMalMedPrognos: n('Antal av nämndens mål som har en prognos'),
    allaMalUppnas: b('Nämnden har minst ett mål med prognos och alla dess mål med prognos har prognosen Uppnås'),
    malKraverMedel: n('Summa Kräver medel för nämndens mål'),
    antalUppdrag: n('Antal uppdrag med nämnden som ansvarig'),
    uppdragKostnadOfinansierad: n('Summa Kostnad för nämndens uppdrag som inte är finansierade'),
  },
  mal: {
    id: s('Mål-ID'),
    niva: s('Nivå som den står i bladet'),
    nivaNyckel: s('Profilens nivå (nyckel) som Nivå motsvarar; null när den är okänd'),
    nivaDjup: n('Nivåns avstånd från toppen i profilens målkedja: 0 vision, 1 fullmäktiges mål, 2 nämndens mål …; null när nivån är okänd'),
    kandaNivaer: s('Profilens målnivåer som text'),
    toppniva: b('Målet ligger på målkedjans översta nivå (visionen)'),
    text: s('Målets text'),
    foralder: s('Förälder (ID) som den står i bladet'),
    harForalder: b('Förälder är ifylld'),
    foralderFinns: b('Förälderns ID finns i bladet Mål'),
    foralderNiva: s('Förälderns Nivå som den står i bladet'),
    foralderNivaNyckel: s('Förälderns nivå (nyckel)'),
    forvantadForalderNivaNyckel: s('Den nivå profilen säger att målet ska kopplas till'),
    forvantadForalderNiva: s('Namnet på den nivå profilen säger att målet ska kopplas till'),
    foralderRattNiva: b('Föräldern ligger en nivå upp enligt profilen; null när någon av nivåerna är okänd eller målet är toppen'),
    iCykel: b('Förälderkedjan leder tillbaka till målet självt'),
    idDubblett: b('Ett tidigare mål i bladet har samma ID'),
    forstaRad: n('Raden där målets ID först förekommer'),
    antalUndermal: n('Antal mål som har detta mål som förälder'),
    namnd: s('Nämnd (ägare)'),
    harNamnd: b('Nämnd är ifylld'),
    perspektiv: s('Perspektiv'),
    perspektivKravs: b('Profilen har en lista med perspektiv och målet ligger under toppen'),
    perspektivTillatet: b('Perspektivet finns i profilens lista (en förklaring inom parentes räknas inte); null när profilen tillåter alla'),
    tillatnaPerspektiv: s('Profilens perspektiv som text; null när profilen tillåter alla'),
    prognos: s('Prognos: uppnas, delvis eller uppnas-ej'),
    prognosText: s('Prognos som text: Uppnås, Delvis eller Uppnås ej'),
    kraverMedel: n('Kräver medel (kr)'),
    antalIndikatorer: n('Antal indikatorer kopplade till målet'),
    antalAtgarderNamnd: n('Antal åtgärder för målets nämnd i bladet Åtgärder'),
    harAtgard: b('En åtgärd för målets nämnd nämner målets ID (som ett eget ord) eller hela måltexten'),
    namndUnderskott: n('Underskottet för målets nämnd i bladet Budget (positivt belopp, 0 vid överskott); null när nämnden saknas där'),
    namndHarUnderskott: b('Målets nämnd prognostiserar ett underskott i bladet Budget'),
  },
  indikator: {
    id: s('ID'),
    malId: s('Mål-ID'),
    malFinns: b('Målet finns i bladet Mål'),
    text: s('Indikator'),
    koladaId: s('Kolada-ID'),
    harKoladaId: b('Kolada-ID är ifyllt'),
    utgangsvarde: n('Utgångsvärde'),
    utgangsar: n('Utgångsår'),
    malvarde: n('Målvärde'),
    malar: n('Målår'),
    utfall: n('Utfall'),
    utfallsar: n('Utfallsår'),
    riktning: s('hogre eller lagre'),
    riktningText: s('högre är bättre eller lägre är bättre'),
    forvantatVarde: n('Värdet på linjen från utgångsvärde till målvärde vid utfallsåret (målvärdet när det är nått)'),
    iFas: b('Utfallet ligger på eller bättre än linjen; null när något värde saknas'),
    status: s('uppnatt, i-fas, ej-i-fas eller underlag-saknas (samma bedömning som i rapporterna)'),
    malvardeNatt: b('Utfallet har nått målvärdet; null när utfall eller målvärde saknas'),
    referensar: n('Året arbetsboken gäller: Periodens år, annars Budgetår'),
    malarPasserat: b('Målåret är före referensåret; null när något av dem saknas'),
  },
  uppdrag: {
    id: s('ID'),
    text: s('Uppdrag'),
    givetAv: s('Givet av'),
    ansvarig: s('Ansvarig'),
    harAnsvarig: b('Ansvarig är ifylld'),
    kostnad: n('Kostnad (kr)'),
    finansierad: b('Finansierad (Ja/Nej); null när tomt'),
    finansieradText: s('Finansierad som text (Ja/Nej); null när tomt'),
    status: s('Status'),
    klartSenast: s('Klart senast (åååå-mm-dd)'),
    ...DEADLINE,
  },
  atgard: {
    namnd: s('Nämnd'),
    text: s('Åtgärd'),
    belopp: n('Belopp (kr)'),
    ansvarig: s('Ansvarig'),
    harAnsvarig: b('Ansvarig är ifylld'),
    klartSenast: s('Klart senast (åååå-mm-dd)'),
    status: s('Status'),
    ...DEADLINE,
  },
  arbetsbok: {
    kommun: s('Kommun'),
    profil: s('Profilen som används'),
    budgetar: n('Budgetår'),
    periodAr: n('Periodens år'),
    periodManad: n('Periodens månad'),
    beloppI: s('kr eller tkr'),
    antalNamnder: n('Antal nämnder i bladet Budget'),
    antalBudgetrader: n('Antal budgetrader'),
    antalPlanar: n('Antal planår (kolumner Plan åååå)'),
    planarKrav: n('Antal planår profilen kräver'),
    harPrognoskolumn: b('Bladet Budget har en prognoskolumn'),
    harPrognosvarden: b('Minst en budgetrad har en prognos ifylld'),
    harUtfallskolumn: b('Bladet Budget har en utfallskolumn'),
    rapport: s('Rapporten i profilens kalender för Periodens månad (den med prognos om det finns flera)'),
    periodKraverPrognos: b('Profilens kalender kräver helårsprognos för Periodens månad; null utan Period'),
    harBudgetblad: b('Bladet Budget finns'),
    harMalblad: b('Bladet Mål finns'),
    harIndikatorblad: b('Bladet Indikatorer finns'),
    harUppdragsblad: b('Bladet Uppdrag finns'),
    harAtgardsblad: b('Bladet Åtgärder finns'),
  },
};

/** Column field keys a rule may target per scope (the model's field names). */
export const TARGET_FIELDS: Record<Scope, readonly string[]> = {
  budgetrad: ['namnd', 'verksamhet', 'konto', 'typ', 'budget', 'utfall', 'prognos', 'avvikelse', 'kommentar'],
  namnd: ['namnd', 'verksamhet', 'konto', 'typ', 'budget', 'utfall', 'prognos', 'avvikelse', 'kommentar'],
  mal: ['id', 'niva', 'text', 'parentId', 'namnd', 'perspektiv', 'prognos', 'kraverMedel'],
  indikator: ['id', 'goalId', 'text', 'koladaId', 'baseline', 'baselineYear', 'target', 'targetYear', 'outcome', 'outcomeYear', 'riktning'],
  uppdrag: ['id', 'text', 'givetAv', 'ansvarig', 'kostnad', 'finansierad', 'status', 'klartSenast'],
  atgard: ['namnd', 'text', 'belopp', 'ansvarig', 'klartSenast', 'status'],
  arbetsbok: [],
};
