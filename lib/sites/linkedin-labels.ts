// Words LinkedIn shows in the member's UI language, in ONE table (issue #4).
// The reader prefers structure (data-* hooks, icon ids, URLs) and reaches for
// these only where LinkedIn offers nothing else: ARIA labels of the
// connect/pending controls, the degree badge, dates and times, the Sales
// Navigator "Saved" state.
//
// Where each pattern comes from (see tests/fixtures/README.md, LinkedIn):
// - en: the real pages in tests/fixtures/linkedin/ and the tools named in
//   /work/shared/SITES.md; every English pattern below was seen in real markup
//   or in code that reads it today.
// - es: "1er" degree, weekday heading "viernes", 24-hour "14:44" and "Enviar"
//   were seen in a real Spanish overlay capture (2023); the rest is assumed.
// - de: "Vernetzen" and an invite label ending in "einladen" are named by a
//   German auto-connect extension; the rest is assumed.
// - fr: "Se connecter" and "Inviter … à rejoindre votre réseau" are named by
//   French automation notes; the rest is assumed.
// Assumed entries are marked; replace them with captured labels when a page in
// that language is saved.
// TODO [2027-03-01]: verify the assumed de/fr/es labels against saved pages.

export const LOCALES = ['en', 'de', 'fr', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export type RelativeUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

export interface LocaleLabels {
  /** aria-label of a Connect control; group 1 is the member's name. */
  invite: RegExp;
  /** aria-label of a Pending control (click withdraws the invitation). */
  pending: RegExp;
  /** Visible text of the Connect / Pending controls. */
  connectText: string;
  pendingText: string;
  /** aria-labels (or texts) of the Send buttons in the invitation dialog. */
  inviteSend: readonly string[];
  /** The degree ordinal as the badge shows it ("1st", "2nd", "3rd+"); group 1 is the digit. */
  degree: RegExp;
  /** 2024 top card: aria-label of the current-company button; group 1 is the company. */
  currentCompany: RegExp;
  /** Day headings in message lists. Lower-case. */
  today: readonly string[];
  yesterday: readonly string[];
  /** Sunday first, lower-case, full names (3-letter prefixes are accepted too). */
  weekdays: readonly string[];
  /** January first; each entry lists the accepted forms, lower-case, without a trailing dot. */
  months: readonly (readonly string[])[];
  /** "Sent 3 weeks ago" / "2 days ago": group 1 the count word, group 2 the unit word. */
  ago: RegExp;
  /** Count words that mean one ("a", "an"). */
  one: readonly string[];
  /** Unit words (lower-case prefixes) to units. */
  units: readonly (readonly [string, RelativeUnit])[];
  /** Sales Navigator save control once the lead is saved. */
  saved: RegExp;
}

export const LABELS: Record<Locale, LocaleLabels> = {
  en: {
    invite: /^Invite (.+) to connect$/,
    pending: /^Pending, click to withdraw invitation sent to (.+)$/,
    connectText: 'Connect',
    pendingText: 'Pending',
    inviteSend: ['Send without a note', 'Send invitation', 'Send now', 'Send'],
    degree: /^([123])(?:st|nd|rd)\+?$/,
    currentCompany: /^Current company: (.+?)\. Click to skip to experience card$/,
    today: ['today'],
    yesterday: ['yesterday'],
    weekdays: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
    months: [
      ['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'],
      ['july', 'jul'], ['august', 'aug'], ['september', 'sept', 'sep'], ['october', 'oct'], ['november', 'nov'],
      ['december', 'dec'],
    ],
    ago: /(\d+|an?)\s+(minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b/i,
    one: ['a', 'an'],
    units: [['minute', 'minute'], ['hour', 'hour'], ['day', 'day'], ['week', 'week'], ['month', 'month'], ['year', 'year']],
    // Assumed: the CTA reads "Saved" once the lead is in the rep's lists.
    saved: /^Saved\b/i,
  },
  de: {
    // Assumed wording; a German extension matches invite labels ending in "einladen".
    invite: /^(.+?) (?:zum Vernetzen |als Kontakt )?einladen$/,
    pending: /^Ausstehend\b/, // assumed
    connectText: 'Vernetzen',
    pendingText: 'Ausstehend', // assumed
    inviteSend: ['Ohne Nachricht senden', 'Ohne Notiz senden', 'Einladung senden', 'Senden'], // assumed
    degree: /^([123])\.\+?$/, // assumed ("1.", "2.", "3.+")
    currentCompany: /^Aktuelles Unternehmen: (.+?)\./, // assumed
    today: ['heute'],
    yesterday: ['gestern'],
    weekdays: ['sonntag', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag'],
    months: [
      ['januar', 'jan'], ['februar', 'feb'], ['märz', 'mär', 'mrz'], ['april', 'apr'], ['mai'], ['juni', 'jun'],
      ['juli', 'jul'], ['august', 'aug'], ['september', 'sept', 'sep'], ['oktober', 'okt'], ['november', 'nov'],
      ['dezember', 'dez'],
    ],
    ago: /vor\s+(\d+|einer?|einem)\s+(minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)\b/i, // assumed
    one: ['ein', 'eine', 'einer', 'einem'],
    units: [['minute', 'minute'], ['stunde', 'hour'], ['tag', 'day'], ['woche', 'week'], ['monat', 'month'], ['jahr', 'year']],
    saved: /^Gespeichert\b/i, // assumed
  },
  fr: {
    invite: /^Invite[rz] (.+) à rejoindre votre réseau$/,
    pending: /^En attente\b/, // assumed
    connectText: 'Se connecter',
    pendingText: 'En attente', // assumed
    inviteSend: ['Envoyer sans note', 'Envoyer l’invitation', "Envoyer l'invitation", 'Envoyer'], // assumed
    degree: /^([123])(?:er|e|ème)\+?$/, // assumed ("1er", "2e", "3e+")
    currentCompany: /^Entreprise actuelle\s?: (.+?)\./, // assumed
    today: ['aujourd’hui', "aujourd'hui"],
    yesterday: ['hier'],
    weekdays: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
    months: [
      ['janvier', 'janv'], ['février', 'févr', 'fév'], ['mars'], ['avril', 'avr'], ['mai'], ['juin'],
      ['juillet', 'juil'], ['août'], ['septembre', 'sept'], ['octobre', 'oct'], ['novembre', 'nov'],
      ['décembre', 'déc'],
    ],
    ago: /il y a\s+(\d+|une?)\s+(minutes?|heures?|jours?|semaines?|mois|ans?)\b/i, // assumed
    one: ['un', 'une'],
    units: [['minute', 'minute'], ['heure', 'hour'], ['jour', 'day'], ['semaine', 'week'], ['mois', 'month'], ['an', 'year']],
    saved: /^Enregistrée?(?!\p{L})/iu, // assumed
  },
  es: {
    invite: /^Invitar a (.+) a conectar$/, // assumed
    pending: /^Pendiente\b/, // assumed
    connectText: 'Conectar', // assumed
    pendingText: 'Pendiente', // assumed
    inviteSend: ['Enviar sin nota', 'Enviar invitación', 'Enviar'], // "Enviar" seen on the message form
    degree: /^([123])(?:er|\.?º|\.?o)\+?$/, // "1er" seen; "2º", "3er+" assumed
    currentCompany: /^Empresa actual: (.+?)\./, // assumed
    today: ['hoy'],
    yesterday: ['ayer'],
    weekdays: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
    months: [
      ['enero', 'ene'], ['febrero', 'feb'], ['marzo', 'mar'], ['abril', 'abr'], ['mayo', 'may'], ['junio', 'jun'],
      ['julio', 'jul'], ['agosto', 'ago'], ['septiembre', 'sept', 'sep'], ['octubre', 'oct'], ['noviembre', 'nov'],
      ['diciembre', 'dic'],
    ],
    ago: /hace\s+(\d+|una?)\s+(minutos?|horas?|días?|semanas?|mes(?:es)?|años?)\b/i, // assumed
    one: ['un', 'una'],
    units: [['minuto', 'minute'], ['hora', 'hour'], ['día', 'day'], ['semana', 'week'], ['mes', 'month'], ['año', 'year']],
    saved: /^Guardad[oa]\b/i, // assumed
  },
};

const ALL = LOCALES.map(locale => LABELS[locale]);

/** The first capture of `pick(labels)` over every locale, or null. */
export function matchLabel(text: string | null | undefined, pick: (l: LocaleLabels) => RegExp): RegExpExecArray | null {
  const s = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!s) return null;
  for (const labels of ALL) {
    const m = pick(labels).exec(s);
    if (m) return m;
  }
  return null;
}

/** True when `text` equals one of the locale strings `pick` returns (case-insensitive, whitespace-collapsed). */
export function isLabel(text: string | null | undefined, pick: (l: LocaleLabels) => string | readonly string[]): boolean {
  const s = (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  if (!s) return false;
  return ALL.some(labels => {
    const v = pick(labels);
    return (typeof v === 'string' ? [v] : v).some(w => w.toLowerCase() === s);
  });
}

/** Every locale's labels, for readers that need lists (weekdays, months). */
export const allLabels: readonly LocaleLabels[] = ALL;
