// validatePlan's errors in the interface's language. lib/metrics is pure and words them in
// English for Node tools and logs; it also returns a code and the values the sentence names,
// which the plan editor (and any screen showing a plan error) words here.
import { DRIVERS } from './metrics/drivers';
import type { PlanError, PlanErrorCode } from './metrics/plan';
import { formatNumber, t, type MessageKey } from './i18n';

/** Codes whose message takes no values, or exactly the values named after their placeholders. */
const KEYS: Record<Exclude<PlanErrorCode, 'targets_not_map' | 'target_invalid'>, MessageKey> = {
  not_object: 'planMsg_not_object',
  fiscal_month: 'planMsg_fiscal_month',
  week_start: 'planMsg_week_start',
  time_zone_missing: 'planMsg_time_zone_missing',
  time_zone_unknown: 'planMsg_time_zone_unknown',
  currency_code: 'planMsg_currency_code',
  currency_unknown: 'planMsg_currency_unknown',
  rates_not_map: 'planMsg_rates_not_map',
  rate_currency_unknown: 'planMsg_rate_currency_unknown',
  rate_not_positive: 'planMsg_rate_not_positive',
  rate_plan_currency: 'planMsg_rate_plan_currency',
  rate_missing: 'planMsg_rate_missing',
  annual_missing: 'planMsg_annual_missing',
  revision_not_object: 'planMsg_revision_not_object',
  date_invalid: 'planMsg_date_invalid',
  revision_twice: 'planMsg_revision_twice',
  quota_not_number: 'planMsg_quota_not_number',
  quota_negative: 'planMsg_quota_negative',
  quarters_four: 'planMsg_quarters_four',
  quarter_invalid: 'planMsg_quarter_invalid',
  quarters_sum: 'planMsg_quarters_sum',
  unknown_driver: 'planMsg_unknown_driver',
  stages_not_list: 'planMsg_stages_not_list',
  stages_empty: 'planMsg_stages_empty',
  stage_unnamed: 'planMsg_stage_unnamed',
  stage_twice: 'planMsg_stage_twice',
  early_not_stage: 'planMsg_early_not_stage',
  stage_targets_not_map: 'planMsg_stage_targets_not_map',
  stage_target_invalid: 'planMsg_stage_target_invalid',
  probabilities_not_map: 'planMsg_probabilities_not_map',
  probability_invalid: 'planMsg_probability_invalid',
  holidays_not_list: 'planMsg_holidays_not_list',
  commission_missing: 'planMsg_commission_missing',
  commission_period: 'planMsg_commission_period',
  tiers_missing: 'planMsg_tiers_missing',
  tier_not_object: 'planMsg_tier_not_object',
  tier_from_invalid: 'planMsg_tier_from_invalid',
  first_tier: 'planMsg_first_tier',
  tiers_up: 'planMsg_tiers_up',
  tier_rate: 'planMsg_tier_rate',
  accelerator_above: 'planMsg_accelerator_above',
  accelerator_multiplier: 'planMsg_accelerator_multiplier',
  decelerator_below: 'planMsg_decelerator_below',
  decelerator_multiplier: 'planMsg_decelerator_multiplier',
  cap_not_object: 'planMsg_cap_not_object',
  cap_attainment: 'planMsg_cap_attainment',
  cap_payout: 'planMsg_cap_payout',
};

/** The placeholders of each message, in order ($1, $2, …), by the names validatePlan gives its values. */
const ARGS: Partial<Record<PlanErrorCode, readonly string[]>> = {
  fiscal_month: ['value'],
  week_start: ['value'],
  time_zone_unknown: ['value'],
  currency_code: ['value'],
  currency_unknown: ['code'],
  rate_currency_unknown: ['code'],
  rate_not_positive: ['code', 'value'],
  rate_plan_currency: ['code', 'rate'],
  rate_missing: ['code', 'currency'],
  date_invalid: ['value'],
  revision_twice: ['date'],
  quota_not_number: ['value'],
  quota_negative: ['quota'],
  quarter_invalid: ['quarter', 'value'],
  quarters_sum: ['sum', 'quota'],
  target_invalid: ['driver', 'value'],
  stage_twice: ['stage'],
  early_not_stage: ['stage'],
  stage_target_invalid: ['stage', 'value'],
  probability_invalid: ['stage', 'value'],
  commission_period: ['value'],
  tier_from_invalid: ['value'],
  tiers_up: ['from', 'previous'],
  tier_rate: ['value'],
};

const KIND: Record<string, 'weekly' | 'daily' | 'weights'> = { weeklyTargets: 'weekly', dailyTargets: 'daily', activityWeights: 'weights' };

/**
 * One plan error in the interface's language. Numbers validatePlan measured (a sum, a rate)
 * come in the browser's number format; values the rep gave are shown as given. An error
 * without a known code (an older caller) keeps its English message.
 */
export function planErrorText(error: Pick<PlanError, 'code' | 'message' | 'values'>): string {
  const values = error.values ?? {};
  const arg = (name: string) => {
    const v = values[name];
    return typeof v === 'number' ? formatNumber(v, undefined, { maximumFractionDigits: 2 }) : String(v ?? '');
  };
  if (error.code === 'unknown_driver') return t('planMsg_unknown_driver', [arg('value'), DRIVERS.join(', ')]);
  if (error.code === 'targets_not_map' || error.code === 'target_invalid') {
    const kind = KIND[String(values.kind)];
    if (!kind) return error.message;
    const key = `planMsg_${kind}_${error.code === 'targets_not_map' ? 'not_map' : 'invalid'}` as MessageKey;
    return t(key, (ARGS[error.code] ?? []).map(arg));
  }
  const key = KEYS[error.code as keyof typeof KEYS] as MessageKey | undefined;
  return key ? t(key, (ARGS[error.code] ?? []).map(arg)) : error.message;
}
