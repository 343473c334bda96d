// The commission plan as CommissionPlan in lib/metrics/plan.ts has it: marginal tiers,
// an accelerator above quota, a decelerator below a threshold, caps. Attainments and
// rates are shown in % (the plan stores fractions: 1 = 100 %).
import { NumberField, SelectField, fieldId, rowKey, type PlanDraft } from './PlanFields';
import type { SectionProps } from './PlanRevisions';

type Commission = PlanDraft['commission'];

const PERIODS = [['month', 'Month'], ['quarter', 'Quarter'], ['fiscalYear', 'Fiscal year']] as const;

export function PlanCommission({ draft, set, loc, focusLater }: SectionProps) {
  const c = draft.commission;
  const currency = draft.currency.trim().toUpperCase() || draft.base.currency;
  // Updates apply to the latest draft: several keystrokes can land before the next render.
  const patch = (p: (c: Commission) => Partial<Commission>) => set(d => ({ ...d, commission: { ...d.commission, ...p(d.commission) } }));
  const tier = (i: number, p: Partial<Commission['tiers'][number]>) => patch(c => ({ tiers: c.tiers.map((t, j) => (j === i ? { ...t, ...p } : t)) }));
  const accelerator = (p: Partial<Commission['accelerator']>) => patch(c => ({ accelerator: { ...c.accelerator, ...p } }));
  const decelerator = (p: Partial<Commission['decelerator']>) => patch(c => ({ decelerator: { ...c.decelerator, ...p } }));
  const addTier = () => {
    const last = loc.parse(c.tiers.at(-1)?.from ?? '');
    const from = last === undefined || Number.isNaN(last) ? '' : loc.format(last + 50, 4);
    patch(c => ({ tiers: [...c.tiers, { key: rowKey(), from, rate: '' }] }));
    focusLater(fieldId(`commission.tiers[${c.tiers.length}].rate`));
  };
  const removeTier = (i: number) => {
    patch(c => ({ tiers: c.tiers.filter((_, j) => j !== i) }));
    focusLater('plan-tiers-add');
  };

  return (
    <fieldset>
      <legend>Commission plan</legend>
      <p class="hint">Rates apply marginally, like tax brackets: each tier's rate pays on the revenue within its band of attainment.</p>
      <SelectField k="commission.period" label="Attainment measured per" value={c.period} options={PERIODS}
        onChange={v => patch(() => ({ period: v as Commission['period'] }))} />
      <table class="plan-table">
        <caption>Tiers</caption>
        <thead>
          <tr><th scope="col">From attainment (%)</th><th scope="col">Rate (% of revenue)</th><th scope="col"><span class="sr-only">Actions</span></th></tr>
        </thead>
        <tbody>
          {c.tiers.map((t, i) => (
            <tr key={t.key}>
              <td><NumberField k={`commission.tiers[${i}].fromAttainment`} hiddenLabel label={`Tier ${i + 1}: from attainment (%)`} loc={loc} digits={4} value={t.from} onInput={v => tier(i, { from: v })} suffix="%" /></td>
              <td><NumberField k={`commission.tiers[${i}].rate`} hiddenLabel label={`Tier ${i + 1}: rate (% of revenue)`} loc={loc} digits={4} value={t.rate} onInput={v => tier(i, { rate: v })} suffix="%" /></td>
              <td>{c.tiers.length > 1 && <button type="button" class="secondary" onClick={() => removeTier(i)}>Remove<span class="sr-only"> tier {i + 1}</span></button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p><button type="button" class="secondary" id="plan-tiers-add" onClick={addTier}>Add a tier</button></p>

      <label class="switch">
        <input type="checkbox" checked={c.accelerator.on} onChange={e => accelerator({ on: e.currentTarget.checked })} />
        <span>Accelerator: a higher rate above quota</span>
      </label>
      {c.accelerator.on && (
        <div class="row indent">
          <NumberField k="commission.accelerator.above" label="Above attainment (%)" loc={loc} digits={4} value={c.accelerator.above} suffix="%"
            onInput={v => accelerator({ above: v })} />
          <NumberField k="commission.accelerator.multiplier" label="Rate multiplied by" loc={loc} value={c.accelerator.multiplier} suffix="×"
            onInput={v => accelerator({ multiplier: v })} />
        </div>
      )}
      <label class="switch">
        <input type="checkbox" checked={c.decelerator.on} onChange={e => decelerator({ on: e.currentTarget.checked })} />
        <span>Decelerator: less while attainment is low</span>
      </label>
      {c.decelerator.on && (
        <div class="row indent">
          <NumberField k="commission.decelerator.below" label="Below attainment (%)" loc={loc} digits={4} value={c.decelerator.below} suffix="%"
            onInput={v => decelerator({ below: v })} />
          <NumberField k="commission.decelerator.multiplier" label="Payout multiplied by" loc={loc} value={c.decelerator.multiplier} suffix="×"
            onInput={v => decelerator({ multiplier: v })} />
        </div>
      )}
      <div class="row">
        <NumberField k="commission.cap.maxAttainment" label="Cap: no commission beyond attainment (%)" hint="Optional; 200 % is twice the quota." loc={loc} digits={4}
          value={c.capAttainment} suffix="%" onInput={v => patch(() => ({ capAttainment: v }))} />
        <NumberField k="commission.cap.maxPayout" label={`Cap: payout at most (${currency})`} hint="Optional." loc={loc} digits={2}
          value={c.capPayout} onInput={v => patch(() => ({ capPayout: v }))} />
      </div>
    </fieldset>
  );
}
