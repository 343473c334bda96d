-- Plans, allocations and feedback: what a manager may write (new revisions only), and the
-- plan helpers the summaries share. Defaults mirror lib/metrics/plan.ts's defaultPlan().

CREATE FUNCTION pacer.plan_defaults() RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object(
    'fiscalYearStartMonth', 1, 'weekStartsOn', 1, 'timeZone', 'UTC', 'currency', 'USD', 'rates', '{}'::jsonb,
    'annual', '[]'::jsonb, 'holidays', '[]'::jsonb, 'stageTargets', '{}'::jsonb, 'dailyTargets', '{}'::jsonb,
    'weeklyTargets', jsonb_build_object('calls', 50, 'emails', 40, 'conversations', 15, 'meetings', 8,
      'linkedinConnects', 20, 'leads', 10, 'proposalsSubmitted', 2),
    'activityWeights', jsonb_build_object('calls', 1, 'emails', 0.5, 'conversations', 2, 'meetings', 5,
      'linkedinViews', 0.2, 'linkedinConnects', 0.5, 'linkedinMessages', 0.5, 'linkedinInmails', 1, 'leads', 2,
      'referralsGiven', 3, 'referralsReceived', 3, 'eventsAttended', 3, 'proposalsSubmitted', 10))
$$;

-- The team plan in force on a local date: the latest revision effective on or before it; before
-- the first revision, the first one governs. Missing fields take the defaults.
CREATE FUNCTION pacer.plan_at(p_team text, p_day date) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pacer, pg_temp AS $$
  SELECT pacer.plan_defaults() || coalesce(
    (SELECT p.plan FROM pacer.plans p WHERE p.team = p_team AND p.effective_from <= p_day
      ORDER BY p.effective_from DESC, p.revision DESC LIMIT 1),
    (SELECT p.plan FROM pacer.plans p WHERE p.team = p_team ORDER BY p.effective_from, p.revision LIMIT 1),
    '{}'::jsonb)
$$;

CREATE FUNCTION pacer.drivers() RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY['calls', 'emails', 'conversations', 'meetings', 'linkedinViews', 'linkedinConnects', 'linkedinMessages',
    'linkedinInmails', 'leads', 'referralsGiven', 'referralsReceived', 'eventsAttended', 'proposalsSubmitted']
$$;

-- lib/metrics/drivers.ts's DRIVER_EVENT_TYPE, reversed.
CREATE FUNCTION pacer.driver_key(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE t
    WHEN 'call' THEN 'calls' WHEN 'email' THEN 'emails' WHEN 'meeting' THEN 'meetings'
    WHEN 'linkedin_profile_view' THEN 'linkedinViews' WHEN 'linkedin_connect_sent' THEN 'linkedinConnects'
    WHEN 'linkedin_message_sent' THEN 'linkedinMessages' WHEN 'linkedin_inmail_sent' THEN 'linkedinInmails'
    WHEN 'lead_created' THEN 'leads' WHEN 'referral_given' THEN 'referralsGiven' WHEN 'referral_received' THEN 'referralsReceived'
    WHEN 'event_attended' THEN 'eventsAttended' WHEN 'proposal_sent' THEN 'proposalsSubmitted'
  END
$$;

CREATE FUNCTION pacer.week_start(d date, week_starts_on int) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT (date_trunc('week', d - ((week_starts_on + 6) % 7)) + make_interval(days => (week_starts_on + 6) % 7))::date
$$;

-- First day of the fiscal quarter containing d.
CREATE FUNCTION pacer.fiscal_quarter_start(d date, fy_start_month int) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT (date_trunc('month', d) - make_interval(months => ((extract(month FROM d)::int - fy_start_month + 12) % 12) % 3))::date
$$;
CREATE FUNCTION pacer.fiscal_quarter_index(d date, fy_start_month int) RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT ((extract(month FROM d)::int - fy_start_month + 12) % 12) / 3
$$;

CREATE FUNCTION pacer.is_working_day(d date, holidays jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT extract(isodow FROM d) < 6 AND NOT coalesce(holidays ? to_char(d, 'YYYY-MM-DD'), false)
$$;

-- An amount in the plan's currency, or null when there is no rate for it (never added silently).
CREATE FUNCTION pacer.convert(amount numeric, currency text, plan_currency text, rates jsonb) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN amount IS NULL THEN NULL
    WHEN currency IS NULL OR currency = plan_currency THEN amount
    WHEN jsonb_typeof(rates -> currency) = 'number' THEN amount * (rates ->> currency)::numeric
  END
$$;

GRANT EXECUTE ON FUNCTION pacer.plan_defaults(), pacer.plan_at(text, date), pacer.drivers(), pacer.driver_key(text),
  pacer.is_conversation(text, jsonb), pacer.week_start(date, int), pacer.fiscal_quarter_start(date, int),
  pacer.fiscal_quarter_index(date, int), pacer.is_working_day(date, jsonb), pacer.convert(numeric, text, text, jsonb)
  TO pacer_rep, pacer_manager;

CREATE FUNCTION pacer.require_manager(is_manager boolean, what text) RETURNS void LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF NOT coalesce(is_manager, false) THEN
    RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = format('Only a manager %s.', what);
  END IF;
END
$$;
GRANT EXECUTE ON FUNCTION pacer.require_manager(boolean, text) TO pacer_rep, pacer_manager;

-- SECURITY INVOKER: a rep sees only their own row, so for a rep this holds only for themself.
CREATE FUNCTION pacer.require_team_rep(p_team text, p_rep text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pacer, pg_temp AS $$
BEGIN
  IF p_rep IS NULL OR NOT EXISTS (SELECT FROM pacer.reps r WHERE r.team = p_team AND r.id = p_rep AND r.role = 'rep') THEN
    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format('There is no rep %L on this team.', p_rep);
  END IF;
END
$$;
GRANT EXECUTE ON FUNCTION pacer.require_team_rep(text, text) TO pacer_rep, pacer_manager;

CREATE FUNCTION api.set_team_plan(plan jsonb, effective_from date) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SET search_path = pacer, pg_temp AS $$
DECLARE
  me record := pacer.caller();
  rev bigint;
BEGIN
  PERFORM pacer.require_manager(me.is_manager, 'sets the team plan');
  IF plan IS NULL OR jsonb_typeof(plan) <> 'object' THEN
    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'plan must be an object (lib/metrics/plan.ts''s Plan)';
  END IF;
  IF effective_from IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'effective_from is required (YYYY-MM-DD)';
  END IF;
  IF plan ? 'timeZone' AND NOT EXISTS (SELECT FROM pg_timezone_names WHERE name = plan ->> 'timeZone') THEN
    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format('plan.timeZone %s is not an IANA time zone', plan -> 'timeZone');
  END IF;
  IF plan ? 'currency' AND NOT coalesce((plan ->> 'currency') ~ '^[A-Z]{3}$', false) THEN
    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'plan.currency must be an ISO 4217 code';
  END IF;
  IF plan ? 'fiscalYearStartMonth' AND NOT coalesce(jsonb_typeof(plan -> 'fiscalYearStartMonth') = 'number'
      AND (plan ->> 'fiscalYearStartMonth') IN ('1','2','3','4','5','6','7','8','9','10','11','12'), false) THEN
    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'plan.fiscalYearStartMonth must be 1 to 12';
  END IF;
  IF plan ? 'weekStartsOn' AND NOT coalesce((plan ->> 'weekStartsOn') IN ('0','1','2','3','4','5','6'), false) THEN
    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'plan.weekStartsOn must be 0 (Sunday) to 6 (Saturday)';
  END IF;
  INSERT INTO pacer.plans (team, effective_from, plan, set_by)
  VALUES (me.team, set_team_plan.effective_from, set_team_plan.plan, me.rep)
  RETURNING revision INTO rev;
  -- A new zone or week start re-keys the weekly rollup (008_activity_weeks.sql).
  PERFORM pacer.rebuild_activity_weeks(me.team);
  RETURN jsonb_build_object('revision', rev);
END
$$;
GRANT EXECUTE ON FUNCTION api.set_team_plan(jsonb, date) TO pacer_rep, pacer_manager;

CREATE FUNCTION api.set_allocation(rep text, effective_from date, annual_quota numeric, quarter_quotas jsonb DEFAULT NULL,
                                   territory text DEFAULT NULL, note text DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SET search_path = pacer, pg_temp AS $$
DECLARE
  me record := pacer.caller();
  rev bigint;
  qq numeric[];
BEGIN
  PERFORM pacer.require_manager(me.is_manager, 'allocates quota');
  PERFORM pacer.require_team_rep(me.team, rep);
  IF effective_from IS NULL OR annual_quota IS NULL OR annual_quota < 0 THEN
    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'effective_from (YYYY-MM-DD) and a non-negative annual_quota are required';
  END IF;
  IF quarter_quotas IS NOT NULL AND jsonb_typeof(quarter_quotas) <> 'null' THEN
    IF jsonb_typeof(quarter_quotas) <> 'array' OR jsonb_array_length(quarter_quotas) <> 4
       OR EXISTS (SELECT FROM jsonb_array_elements(quarter_quotas) q WHERE jsonb_typeof(q) <> 'number' OR (q #>> '{}')::numeric < 0) THEN
      RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'quarter_quotas must be four non-negative numbers (fiscal Q1 to Q4)';
    END IF;
    qq := ARRAY(SELECT (q #>> '{}')::numeric FROM jsonb_array_elements(quarter_quotas) WITH ORDINALITY x(q, i) ORDER BY i);
  END IF;
  INSERT INTO pacer.allocations (team, rep, effective_from, annual_quota, quarter_quotas, territory, note, set_by)
  VALUES (me.team, set_allocation.rep, set_allocation.effective_from, set_allocation.annual_quota, qq,
          nullif(trim(set_allocation.territory), ''), set_allocation.note, me.rep)
  RETURNING revision INTO rev;
  RETURN jsonb_build_object('revision', rev);
END
$$;
GRANT EXECUTE ON FUNCTION api.set_allocation(text, date, numeric, jsonb, text, text) TO pacer_rep, pacer_manager;

CREATE FUNCTION api.set_feedback(rep text, week date, kudos text DEFAULT NULL, focus text DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SET search_path = pacer, pg_temp AS $$
DECLARE
  me record := pacer.caller();
  rev bigint;
BEGIN
  PERFORM pacer.require_manager(me.is_manager, 'leaves kudos and a focus');
  PERFORM pacer.require_team_rep(me.team, rep);
  IF week IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'week is required (the local date the week starts, YYYY-MM-DD)';
  END IF;
  IF length(kudos) > 500 OR length(focus) > 500 THEN
    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'kudos and focus are at most 500 characters each';
  END IF;
  INSERT INTO pacer.feedback (team, rep, week, kudos, focus, set_by)
  VALUES (me.team, set_feedback.rep, set_feedback.week, nullif(trim(kudos), ''), nullif(trim(focus), ''), me.rep)
  RETURNING revision INTO rev;
  RETURN jsonb_build_object('revision', rev);
END
$$;
GRANT EXECUTE ON FUNCTION api.set_feedback(text, date, text, text) TO pacer_rep, pacer_manager;

CREATE FUNCTION pacer.feedback_json(p_team text, p_rep text, p_week date) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pacer, pg_temp AS $$
  SELECT coalesce(
    (SELECT jsonb_build_object('week', f.week, 'kudos', f.kudos, 'focus', f.focus, 'by', f.set_by, 'updatedAt', f.set_at)
       FROM pacer.feedback f WHERE f.team = p_team AND f.rep = p_rep AND f.week = p_week ORDER BY f.revision DESC LIMIT 1),
    jsonb_build_object('week', p_week, 'kudos', NULL, 'focus', NULL, 'by', NULL, 'updatedAt', NULL))
$$;
CREATE FUNCTION pacer.feedback_list(p_team text, p_rep text) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pacer, pg_temp AS $$
  SELECT jsonb_build_object('items', coalesce(jsonb_agg(jsonb_build_object('week', f.week, 'kudos', f.kudos, 'focus', f.focus,
      'by', f.set_by, 'updatedAt', f.set_at) ORDER BY f.week DESC), '[]'::jsonb))
  FROM (SELECT DISTINCT ON (x.week) x.* FROM pacer.feedback x WHERE x.team = p_team AND x.rep = p_rep
         ORDER BY x.week, x.revision DESC) f
$$;
GRANT EXECUTE ON FUNCTION pacer.feedback_json(text, text, date), pacer.feedback_list(text, text) TO pacer_rep, pacer_manager;

CREATE FUNCTION api.my_feedback(week date DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql STABLE SET search_path = pacer, pg_temp AS $$
DECLARE me record := pacer.caller();
BEGIN
  IF week IS NULL THEN
    RETURN pacer.feedback_list(me.team, me.rep);
  END IF;
  RETURN pacer.feedback_json(me.team, me.rep, week);
END
$$;
GRANT EXECUTE ON FUNCTION api.my_feedback(date) TO pacer_rep, pacer_manager;

CREATE FUNCTION api.rep_feedback(rep text, week date DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql STABLE SET search_path = pacer, pg_temp AS $$
DECLARE me record := pacer.caller();
BEGIN
  PERFORM pacer.require_manager(me.is_manager, 'reads a rep''s feedback');
  PERFORM pacer.require_team_rep(me.team, rep);
  IF week IS NULL THEN
    RETURN pacer.feedback_list(me.team, rep);
  END IF;
  RETURN pacer.feedback_json(me.team, rep, week);
END
$$;
GRANT EXECUTE ON FUNCTION api.rep_feedback(text, date) TO pacer_rep, pacer_manager;

CREATE FUNCTION api.team_plan() RETURNS jsonb
LANGUAGE plpgsql STABLE SET search_path = pacer, pg_temp AS $$
DECLARE
  me record := pacer.caller();
  current_plan jsonb;
  allocs jsonb;
BEGIN
  -- Row-level security hands a rep only their own allocations.
  SELECT coalesce(
      (SELECT p.plan FROM pacer.plans p WHERE p.team = me.team AND p.effective_from <= current_date
        ORDER BY p.effective_from DESC, p.revision DESC LIMIT 1),
      (SELECT p.plan FROM pacer.plans p WHERE p.team = me.team ORDER BY p.effective_from, p.revision LIMIT 1))
    INTO current_plan;
  SELECT coalesce(jsonb_agg(x.j ORDER BY x.rep), '[]'::jsonb) INTO allocs FROM (
    SELECT a.rep, jsonb_build_object('rep', a.rep, 'repName', r.name, 'territory', pacer.member_territory(a.team, a.rep),
      'annual', jsonb_agg(jsonb_strip_nulls(jsonb_build_object('effectiveFrom', a.effective_from, 'annualQuota', a.annual_quota,
          'quarterQuotas', to_jsonb(a.quarter_quotas), 'note', a.note)) ORDER BY a.effective_from, a.revision),
      'updatedAt', max(a.set_at)) AS j
    FROM pacer.allocations a JOIN pacer.reps r ON r.team = a.team AND r.id = a.rep
    WHERE a.team = me.team
    GROUP BY a.team, a.rep, r.name) x;
  RETURN jsonb_build_object(
    'plan', current_plan,
    'planRevisions', (SELECT coalesce(jsonb_agg(jsonb_build_object('revision', p.revision, 'effective_from', p.effective_from,
        'set_at', p.set_at, 'set_by', p.set_by) ORDER BY p.effective_from, p.revision), '[]'::jsonb)
      FROM pacer.plans p WHERE p.team = me.team),
    'allocation', (SELECT a FROM jsonb_array_elements(allocs) a WHERE a ->> 'rep' = me.rep),
    'allocations', allocs);
END
$$;
GRANT EXECUTE ON FUNCTION api.team_plan() TO pacer_rep, pacer_manager;
