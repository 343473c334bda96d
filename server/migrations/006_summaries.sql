-- The popup's numbers, computed where the data is. team_summary is SECURITY DEFINER because a
-- rep's rank needs the whole team's figures; it then returns a rep nothing but their own row,
-- their rank and the team's size. Figures follow lib/metrics (README "The performance model").

CREATE FUNCTION pacer.require_period(p_from date, p_to date) RETURNS void LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF p_from IS NULL OR p_to IS NULL OR p_to <= p_from THEN
    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'from and to are dates (YYYY-MM-DD) with from before to';
  END IF;
  IF p_to - p_from > 800 THEN
    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'A summary covers at most two years';
  END IF;
END
$$;
GRANT EXECUTE ON FUNCTION pacer.require_period(date, date) TO pacer_rep, pacer_manager;

-- jit off: compiling this one statement's expressions costs more (~0.4 s) than running it.
CREATE FUNCTION api.team_summary("from" date, "to" date) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pacer, pg_temp SET jit = off AS $$
DECLARE
  me record := pacer.caller();
  p jsonb;
  tz text;
  cur text;
  rates jsonb;
  wso int;
  fys int;
  t0 timestamptz;
  t1 timestamptz;
  at_now timestamptz := now();
  today date;
  today_frac numeric;
  weeks numeric;
  elapsed_weeks numeric;
  week_starts date[];
  week_bounds timestamptz[];
  conv_weight numeric;
  -- Whole weeks [full_from, full_to) come from pacer.activity_weeks when it counts weeks as this plan does.
  full_from date;
  full_to date;
  full_from_i timestamptz;
  full_to_i timestamptz;
  result jsonb;
BEGIN
  PERFORM pacer.require_period("from", "to");
  p := pacer.plan_at(me.team, "to" - 1);
  tz := p ->> 'timeZone';
  cur := p ->> 'currency';
  rates := coalesce(p -> 'rates', '{}');
  wso := (p ->> 'weekStartsOn')::int;
  fys := (p ->> 'fiscalYearStartMonth')::int;
  t0 := "from"::timestamp AT TIME ZONE tz;
  t1 := "to"::timestamp AT TIME ZONE tz;
  today := (at_now AT TIME ZONE tz)::date;
  today_frac := extract(epoch FROM at_now - (today::timestamp AT TIME ZONE tz))
              / extract(epoch FROM ((today + 1)::timestamp AT TIME ZONE tz) - (today::timestamp AT TIME ZONE tz));
  weeks := ("to" - "from") / 7.0;
  elapsed_weeks := greatest(0, least(extract(epoch FROM t1 - t0), extract(epoch FROM at_now - t0))) / (7 * 86400.0);
  -- The period's weeks as instants: an event finds its week by binary search (width_bucket),
  -- far cheaper per row than converting each timestamp to the plan's zone.
  week_starts := ARRAY(SELECT d::date FROM generate_series(pacer.week_start("from", wso)::timestamp, ("to" - 1)::timestamp, interval '7 days') d ORDER BY d);
  week_bounds := ARRAY(SELECT w::timestamp AT TIME ZONE tz FROM unnest(week_starts) w ORDER BY w);
  conv_weight := coalesce((p -> 'activityWeights' ->> 'conversations')::numeric, 0);
  full_from := pacer.week_start("from", wso);
  IF full_from < "from" THEN
    full_from := full_from + 7;
  END IF;
  full_to := pacer.week_start("to", wso);
  IF full_to <= full_from OR NOT EXISTS (SELECT FROM pacer.activity_weeks_basis b WHERE b.team = me.team AND b.time_zone = tz AND b.week_starts_on = wso) THEN
    full_from := "to";  -- no whole week from the rollup: every event is read directly
    full_to := "to";
  END IF;
  full_from_i := full_from::timestamp AT TIME ZONE tz;
  full_to_i := full_to::timestamp AT TIME ZONE tz;

  WITH
  members AS (
    SELECT r.id AS rep, r.name, coalesce(pacer.member_territory(r.team, r.id), 'Unassigned') AS territory
      FROM pacer.reps r WHERE r.team = me.team AND r.role = 'rep'),
  -- Each day of the period with its fiscal quarter; quarters carry their own working-day count.
  days AS MATERIALIZED (
    SELECT d::date AS day, pacer.is_working_day(d::date, p -> 'holidays') AS working,
           pacer.fiscal_quarter_start(d::date, fys) AS qs, pacer.fiscal_quarter_index(d::date, fys) AS qi
      FROM generate_series("from"::timestamp, ("to" - 1)::timestamp, interval '1 day') d),
  quarters AS MATERIALIZED (
    SELECT q.qs, (SELECT count(*) FROM generate_series(q.qs::timestamp, (q.qs + interval '3 months' - interval '1 day'), interval '1 day') w
                   WHERE pacer.is_working_day(w::date, p -> 'holidays')) AS working_days
      FROM (SELECT DISTINCT qs FROM days) q),
  -- Allocation revisions as date ranges; the first one also governs the days before it.
  alloc AS (
    SELECT a.rep, a.annual_quota, a.quarter_quotas,
           CASE WHEN row_number() OVER w = 1 THEN '-infinity'::date ELSE a.effective_from END AS valid_from,
           coalesce(lead(a.effective_from) OVER w, 'infinity'::date) AS valid_to
      FROM (SELECT DISTINCT ON (x.rep, x.effective_from) x.* FROM pacer.allocations x WHERE x.team = me.team
             ORDER BY x.rep, x.effective_from, x.revision DESC) a
    WINDOW w AS (PARTITION BY a.rep ORDER BY a.effective_from)),
  day_quota AS (
    SELECT al.rep, d.day,
           coalesce(al.quarter_quotas[d.qi + 1], al.annual_quota / 4) / nullif(q.working_days, 0) AS quota
      FROM days d JOIN quarters q USING (qs) JOIN alloc al ON d.day >= al.valid_from AND d.day < al.valid_to
     WHERE d.working),
  quota AS (
    SELECT rep, sum(quota) AS quota,
           sum(CASE WHEN day < today THEN quota WHEN day = today THEN quota * today_frac ELSE 0 END) AS expected
      FROM day_quota GROUP BY rep),
  -- Counts per rep, week and type: whole weeks from the rollup, the edges from the events.
  type_week AS (
    SELECT w.rep, w.week, w.type, w.n::bigint AS n, w.conv::bigint AS conv
      FROM pacer.activity_weeks w WHERE w.team = me.team AND w.week >= full_from AND w.week < full_to
    UNION ALL
    SELECT e.rep, week_starts[width_bucket(e.at, week_bounds)] AS week, e.type, count(*) AS n, count(*) FILTER (WHERE e.conv) AS conv
      FROM pacer.events e WHERE e.team = me.team AND e.at >= t0 AND e.at < full_from_i
     GROUP BY 1, 2, 3
    UNION ALL
    SELECT e.rep, week_starts[width_bucket(e.at, week_bounds)] AS week, e.type, count(*) AS n, count(*) FILTER (WHERE e.conv) AS conv
      FROM pacer.events e WHERE e.team = me.team AND e.at >= full_to_i AND e.at < t1
     GROUP BY 1, 2, 3),
  -- Each event type's driver and weight (the plan's activity weights), conversations apart.
  type_weight AS (
    SELECT t AS type, pacer.driver_key(t) AS driver, coalesce((p -> 'activityWeights' ->> pacer.driver_key(t))::numeric, 0) AS weight
      FROM unnest(ARRAY['call', 'email', 'meeting', 'lead_created', 'proposal_sent', 'proposal_accepted', 'referral_given',
        'referral_received', 'event_attended', 'training', 'deal_stage_changed', 'deal_won', 'deal_lost', 'linkedin_profile_view',
        'linkedin_connect_sent', 'linkedin_connect_accepted', 'linkedin_message_sent', 'linkedin_inmail_sent', 'linkedin_lead_saved']) t),
  score_week AS (
    SELECT tw.rep, tw.week, sum(tw.n * w.weight) + sum(tw.conv) * conv_weight AS score
      FROM type_week tw JOIN type_weight w USING (type) GROUP BY 1, 2),
  rep_type AS (SELECT rep, type, sum(n) AS n, sum(conv) AS conv FROM type_week GROUP BY 1, 2),
  driver_total AS (
    SELECT rt.rep, w.driver, sum(rt.n) AS n FROM rep_type rt JOIN type_weight w USING (type) WHERE w.driver IS NOT NULL GROUP BY 1, 2
    UNION ALL
    SELECT rep, 'conversations', sum(conv) FROM rep_type GROUP BY rep),
  score_rep AS (
    SELECT dt.rep, sum(dt.n * coalesce((p -> 'activityWeights' ->> dt.driver)::numeric, 0)) AS score FROM driver_total dt GROUP BY dt.rep),
  drivers_json AS (
    SELECT m.rep, jsonb_object_agg(k, jsonb_build_object('actual', coalesce(dt.n, 0),
             'target', round((p -> 'weeklyTargets' ->> k)::numeric * weeks, 2))) AS drivers
      FROM members m CROSS JOIN unnest(pacer.drivers()) k LEFT JOIN driver_total dt ON dt.rep = m.rep AND dt.driver = k
     GROUP BY m.rep),
  -- The earliest tier of the pyramid behind its target so far.
  tier_behind AS (
    SELECT DISTINCT ON (m.rep) m.rep, t.tier
      FROM members m
     CROSS JOIN (VALUES (1, 'calls', 'calls'), (2, 'meetings', 'meetings'), (3, 'proposals', 'proposalsSubmitted')) t(i, tier, k)
      LEFT JOIN driver_total dt ON dt.rep = m.rep AND dt.driver = t.k
     WHERE (p -> 'weeklyTargets' ->> t.k) IS NOT NULL
       AND coalesce(dt.n, 0) < (p -> 'weeklyTargets' ->> t.k)::numeric * elapsed_weeks
     ORDER BY m.rep, t.i),
  -- A deal counts by its latest close only (events without a deal id count each).
  closes AS (
    SELECT DISTINCT ON (e.rep, coalesce(e.deal_id, '#' || e.id)) e.rep, e.type, e.at, e.amount, e.currency
      FROM pacer.events e WHERE e.team = me.team AND e.type IN ('deal_won', 'deal_lost')
     ORDER BY e.rep, coalesce(e.deal_id, '#' || e.id), e.at DESC),
  period_closes AS (
    SELECT c.*, pacer.convert(c.amount, c.currency, cur, rates) AS converted,
           week_starts[width_bucket(c.at, week_bounds)] AS week
      FROM closes c WHERE c.at >= t0 AND c.at < t1),
  won AS (
    SELECT rep, coalesce(sum(converted) FILTER (WHERE type = 'deal_won'), 0) AS won,
           count(*) FILTER (WHERE type = 'deal_won') AS won_count, count(*) FILTER (WHERE type = 'deal_lost') AS lost_count
      FROM period_closes GROUP BY rep),
  unconverted AS (
    SELECT rep, jsonb_object_agg(coalesce(currency, '???'), total) AS unconverted FROM (
      SELECT rep, currency, sum(amount) AS total FROM period_closes
       WHERE type = 'deal_won' AND amount IS NOT NULL AND converted IS NULL GROUP BY 1, 2) u GROUP BY rep),
  won_week AS (
    SELECT rep, week, coalesce(sum(converted), 0) AS won FROM period_closes WHERE type = 'deal_won' GROUP BY 1, 2),
  deals AS (
    SELECT DISTINCT ON (s.rep, s.id) s.* FROM pacer.deal_snapshots s WHERE s.team = me.team
     ORDER BY s.rep, s.id, s.last_seen_at DESC),
  pipeline AS (
    SELECT rep, coalesce(sum(pacer.convert(amount, currency, cur, rates)), 0) AS pipeline, count(*) AS n
      FROM deals WHERE status = 'open' GROUP BY rep),
  stalled AS (
    SELECT d.rep, d.id, d.name, d.stage, d.amount, d.currency,
           floor(extract(epoch FROM at_now - d.stage_entered_at) / 86400)::int AS days_in_stage,
           (p -> 'stageTargets' ->> d.stage)::numeric AS target_days
      FROM deals d
     WHERE d.status = 'open' AND d.stage_entered_at IS NOT NULL AND jsonb_typeof(p -> 'stageTargets' -> d.stage) = 'number'
       AND extract(epoch FROM at_now - d.stage_entered_at) / 86400 >= (p -> 'stageTargets' ->> d.stage)::numeric),
  last_event AS (
    SELECT m.rep, (SELECT max(e.at) FROM pacer.events e WHERE e.team = me.team AND e.rep = m.rep) AS last_at FROM members m),
  rows AS (
    SELECT m.rep, m.name, m.territory, q.quota, coalesce(w.won, 0) AS won,
           round(coalesce(w.won, 0) / nullif(q.quota, 0), 4) AS attainment,
           q.expected,
           coalesce(sr.score, 0) AS activity_score,
           round(w.won_count::numeric / nullif(w.won_count + w.lost_count, 0), 4) AS win_rate,
           coalesce(w.won_count, 0) AS won_count, coalesce(w.lost_count, 0) AS lost_count,
           coalesce(pl.pipeline, 0) AS pipeline, coalesce(pl.n, 0) AS pipeline_count,
           coalesce(u.unconverted, '{}') AS unconverted, le.last_at,
           dj.drivers,
           -- Behind on the quota so far.
           coalesce(w.won, 0) < q.expected AS behind,
           tb.tier AS first_tier_behind
      FROM members m
      LEFT JOIN quota q ON q.rep = m.rep
      LEFT JOIN won w ON w.rep = m.rep
      LEFT JOIN pipeline pl ON pl.rep = m.rep
      LEFT JOIN unconverted u ON u.rep = m.rep
      LEFT JOIN last_event le ON le.rep = m.rep
      LEFT JOIN score_rep sr ON sr.rep = m.rep
      LEFT JOIN drivers_json dj ON dj.rep = m.rep
      LEFT JOIN tier_behind tb ON tb.rep = m.rep),
  ranked AS (
    SELECT r.*, rank() OVER (ORDER BY r.attainment DESC NULLS LAST, r.won DESC, r.activity_score DESC) AS rank
      FROM rows r),
  visible AS (
    SELECT * FROM ranked WHERE me.is_manager OR rep = me.rep),
  weeks_rows AS (
    SELECT coalesce(s.rep, ww.rep) AS rep, coalesce(s.week, ww.week) AS week,
           coalesce(ww.won, 0) AS won, coalesce(s.score, 0) AS score
      FROM score_week s FULL JOIN won_week ww ON ww.rep = s.rep AND ww.week = s.week
     WHERE coalesce(s.rep, ww.rep) IN (SELECT rep FROM visible))
  SELECT jsonb_build_object(
    'asOf', at_now, 'from', "from", 'to', "to", 'timeZone', tz, 'currency', cur,
    'viewer', jsonb_build_object('rep', me.rep, 'role', CASE WHEN me.is_manager THEN 'manager' ELSE 'rep' END),
    'team', jsonb_build_object('id', t.id, 'name', t.name, 'reps', (SELECT count(*) FROM members))
      || CASE WHEN me.is_manager THEN (
        SELECT jsonb_build_object('quota', sum(quota), 'won', sum(won), 'attainment', round(sum(won) / nullif(sum(quota), 0), 4),
          'pipeline', sum(pipeline), 'activityScore', sum(activity_score),
          'pacing', jsonb_build_object('expected', round(sum(expected), 2), 'actual', sum(won), 'delta', round(sum(won) - sum(expected), 2)))
        FROM ranked)
      ELSE jsonb_build_object('quota', NULL, 'won', NULL, 'attainment', NULL, 'pipeline', NULL, 'activityScore', NULL, 'pacing', NULL) END,
    'territories', CASE WHEN me.is_manager THEN (
        SELECT coalesce(jsonb_agg(jsonb_build_object('territory', territory, 'reps', n, 'quota', quota, 'won', won,
                 'attainment', round(won / nullif(quota, 0), 4), 'pipeline', pipeline) ORDER BY territory), '[]')
          FROM (SELECT territory, count(*) AS n, sum(quota) AS quota, sum(won) AS won, sum(pipeline) AS pipeline
                  FROM ranked GROUP BY territory) g)
      ELSE '[]'::jsonb END,
    'reps', (SELECT coalesce(jsonb_agg(jsonb_build_object('rep', v.rep, 'repName', v.name, 'territory', v.territory, 'rank', v.rank,
        'quota', round(v.quota, 2), 'won', v.won, 'attainment', v.attainment,
        'pacing', CASE WHEN v.quota IS NULL THEN NULL ELSE jsonb_build_object('expected', round(v.expected, 2), 'actual', v.won,
                    'delta', round(v.won - v.expected, 2)) END,
        'activityScore', round(v.activity_score, 2), 'winRate', v.win_rate, 'wonCount', v.won_count, 'lostCount', v.lost_count,
        'pipeline', v.pipeline, 'pipelineCount', v.pipeline_count, 'drivers', v.drivers,
        'behind', coalesce(v.behind, false),
        'behindTier', CASE WHEN coalesce(v.behind, false) THEN coalesce(v.first_tier_behind, 'deals') END,
        'unconverted', v.unconverted,
        'lastEventAt', to_char(v.last_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY v.rank, v.rep), '[]')
      FROM visible v),
    'stalled', (SELECT coalesce(jsonb_agg(jsonb_build_object('rep', s.rep, 'repName', v.name, 'deal_id', s.id, 'name', s.name,
        'stage', s.stage, 'days_in_stage', s.days_in_stage, 'target_days', s.target_days, 'amount', s.amount, 'currency', s.currency)
        ORDER BY s.days_in_stage - s.target_days DESC, s.rep, s.id), '[]')
      FROM stalled s JOIN visible v USING (rep)),
    'trend', (SELECT coalesce(jsonb_agg(jsonb_build_object('week', week, 'won', won, 'activityScore', round(score, 2)) ORDER BY week), '[]')
      FROM (SELECT week, sum(won) AS won, sum(score) AS score FROM weeks_rows GROUP BY week) tw),
    'repTrend', (SELECT coalesce(jsonb_agg(jsonb_build_object('week', week, 'rep', rep, 'won', won, 'activityScore', round(score, 2))
        ORDER BY week, rep), '[]') FROM weeks_rows))
  INTO result
  FROM pacer.teams t WHERE t.id = me.team;
  RETURN result;
END
$$;
GRANT EXECUTE ON FUNCTION api.team_summary(date, date) TO pacer_rep, pacer_manager;

-- The weekly 1:1 review: the same driver counts the rep's own review shows, for one week and
-- the one before, with the targets and the manager's kudos and focus. SECURITY INVOKER: row-level
-- security gives a rep only their own events, a manager their team's.
CREATE FUNCTION api.rep_review(rep text, week date) RETURNS jsonb
LANGUAGE plpgsql STABLE SET search_path = pacer, pg_temp AS $$
DECLARE
  me record := pacer.caller();
  p jsonb;
  tz text;
  counts jsonb;
  fb jsonb;
BEGIN
  IF NOT me.is_manager AND rep IS DISTINCT FROM me.rep THEN
    RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = 'A rep sees only their own review.';
  END IF;
  PERFORM pacer.require_team_rep(me.team, rep);
  IF week IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'week is required (the local date the week starts, YYYY-MM-DD)';
  END IF;
  p := pacer.plan_at(me.team, week);
  tz := p ->> 'timeZone';
  WITH ev AS (
    SELECT e.type, e.conv, e.at >= (week::timestamp AT TIME ZONE tz) AS this_week
      FROM pacer.events e
     WHERE e.team = me.team AND e.rep = rep_review.rep
       AND e.at >= ((week - 7)::timestamp AT TIME ZONE tz) AND e.at < ((week + 7)::timestamp AT TIME ZONE tz)),
  dc AS (
    SELECT this_week, pacer.driver_key(type) AS driver, count(*) AS n FROM ev WHERE pacer.driver_key(type) IS NOT NULL GROUP BY 1, 2
    UNION ALL
    SELECT this_week, 'conversations', count(*) FROM ev WHERE conv GROUP BY 1)
  SELECT jsonb_build_object(
      'thisWeek', (SELECT jsonb_object_agg(k, coalesce((SELECT n FROM dc WHERE dc.this_week AND dc.driver = k), 0)) FROM unnest(pacer.drivers()) k),
      'lastWeek', (SELECT jsonb_object_agg(k, coalesce((SELECT n FROM dc WHERE NOT dc.this_week AND dc.driver = k), 0)) FROM unnest(pacer.drivers()) k),
      'activityScore', jsonb_build_object(
        'thisWeek', (SELECT coalesce(round(sum(n * coalesce((p -> 'activityWeights' ->> driver)::numeric, 0)), 2), 0) FROM dc WHERE this_week),
        'lastWeek', (SELECT coalesce(round(sum(n * coalesce((p -> 'activityWeights' ->> driver)::numeric, 0)), 2), 0) FROM dc WHERE NOT this_week)))
    INTO counts;
  fb := pacer.feedback_json(me.team, rep, week);
  RETURN jsonb_build_object('rep', rep, 'repName', (SELECT r.name FROM pacer.reps r WHERE r.team = me.team AND r.id = rep_review.rep),
      'week', week, 'targets', coalesce(p -> 'weeklyTargets', '{}'), 'kudos', fb -> 'kudos', 'focus', fb -> 'focus',
      'updatedAt', fb -> 'updatedAt')
    || counts;
END
$$;
GRANT EXECUTE ON FUNCTION api.rep_review(text, date) TO pacer_rep, pacer_manager;
