// Manual logging in the interface's language. lib/manual.ts stays free of browser APIs
// (it runs in Node and the tests with English messages); the side panel words its codes here.
import type { ActivityEvent } from './model';
import { t, uiLocale, type MessageKey } from './i18n';
import { isManualType, type ManualProblem, type ManualType } from './manual';

const TYPE_KEYS: Record<ManualType, MessageKey> = {
  referral_given: 'manual_type_referral_given',
  referral_received: 'manual_type_referral_received',
  event_attended: 'manual_type_event_attended',
  training: 'manual_type_training',
  proposal_sent: 'manual_type_proposal_sent',
  proposal_accepted: 'manual_type_proposal_accepted',
  call: 'manual_type_call',
};

/** "Referral given", "Empfehlung gegeben", … (English equal to MANUAL_TYPE_LABELS). */
export const manualTypeLabel = (type: ManualType): string => t(TYPE_KEYS[type]);

const AMOUNT_KEYS: Partial<Record<ManualType, MessageKey>> = {
  training: 'manual_amount_cost',
  proposal_sent: 'manual_amount_value',
  proposal_accepted: 'manual_amount_value',
};

/** What the amount is for this type ("Cost", "Value"); undefined for types that take none (as AMOUNT_LABELS). */
export const manualAmountLabel = (type: ManualType): string | undefined => {
  const key = AMOUNT_KEYS[type];
  return key ? t(key) : undefined;
};

/** Only these types can be told they take no amount (the others take one). */
const NO_AMOUNT_KEYS: Partial<Record<ManualType, MessageKey>> = {
  referral_given: 'manual_error_no_amount_referral_given',
  referral_received: 'manual_error_no_amount_referral_received',
  event_attended: 'manual_error_no_amount_event_attended',
  call: 'manual_error_no_amount_call',
};

const PROBLEM_KEYS: Record<Exclude<ManualProblem['code'], 'no_amount'>, MessageKey> = {
  entry: 'manual_error_entry',
  extra: 'manual_error_extra',
  type: 'manual_error_type',
  at_missing: 'manual_error_at_missing',
  at_invalid: 'manual_error_at_invalid',
  at_future: 'manual_error_at_future',
  person: 'manual_error_person',
  person_long: 'manual_error_person_long',
  deal: 'manual_error_deal',
  amount_number: 'manual_error_amount_number',
  amount_negative: 'manual_error_amount_negative',
  currency_missing: 'manual_error_currency_missing',
  currency_code: 'manual_error_currency_code',
  currency_unknown: 'manual_error_currency_unknown',
  subject: 'manual_error_subject',
  subject_long: 'manual_error_subject_long',
  key: 'manual_error_key',
  not_type: 'manual_error_not_type',
  gone: 'manual_error_gone',
  not_manual: 'manual_error_not_manual',
};

/** A problem lib/manual found, in the interface's language (its English `message` when the code is unknown). */
export function manualProblemText(problem: ManualProblem): string {
  const v = problem.values ?? {};
  const s = (name: string) => String(v[name] ?? '');
  switch (problem.code) {
    case 'no_amount': {
      const key = isManualType(v.type) ? NO_AMOUNT_KEYS[v.type] : undefined;
      return key ? t(key) : problem.message;
    }
    case 'extra':
      return t(PROBLEM_KEYS.extra, s('keys'));
    case 'type':
      return t(PROBLEM_KEYS.type, [s('value'), t('manual_error_type_list')]);
    case 'at_invalid':
    case 'currency_code':
      return t(PROBLEM_KEYS[problem.code], s('value'));
    case 'currency_unknown':
      return t(PROBLEM_KEYS.currency_unknown, s('code'));
    case 'person_long':
    case 'subject_long':
      return t(PROBLEM_KEYS[problem.code], s('max'));
    case 'not_type':
      return t(PROBLEM_KEYS.not_type, s('type'));
    case 'gone':
    case 'not_manual':
      return t(PROBLEM_KEYS[problem.code], s('id'));
    default: {
      const key = PROBLEM_KEYS[problem.code as keyof typeof PROBLEM_KEYS] as MessageKey | undefined;
      return key ? t(key) : problem.message;
    }
  }
}

/** "Referral received, Dana Scully, 14 May 2026, 09:30" in the interface's language (lib/manual's entryLabel, worded). */
export function manualEntryLabel(event: Pick<ActivityEvent, 'type' | 'at' | 'person' | 'meta'>, locale = uiLocale(), timeZone?: string): string {
  const type = isManualType(event.type) ? manualTypeLabel(event.type) : event.type;
  const when = new Date(event.at).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
  return [type, event.person?.name ?? event.meta?.subject, when].filter(Boolean).join(', ');
}
