-- The sync functions: whoami, push, pull, erase. SECURITY INVOKER (the default) unless said
-- otherwise, so the row-level security of 003 decides what each call may touch.

CREATE FUNCTION pacer.is_iso_time(v jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_typeof(v) = 'string'
     AND (v #>> '{}') ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$'
$$;
CREATE FUNCTION pacer.is_opt_text(v jsonb, max_len int) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT v IS NULL OR jsonb_typeof(v) = 'null' OR (jsonb_typeof(v) = 'string' AND length(v #>> '{}') <= max_len)
$$;
CREATE FUNCTION pacer.is_opt_currency(v jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT v IS NULL OR jsonb_typeof(v) = 'null' OR (jsonb_typeof(v) = 'string' AND (v #>> '{}') ~ '^[A-Z]{3}$')
$$;
CREATE FUNCTION pacer.is_opt_number(v jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT v IS NULL OR jsonb_typeof(v) IN ('null', 'number')
$$;
GRANT EXECUTE ON FUNCTION pacer.is_iso_time(jsonb), pacer.is_opt_text(jsonb, int), pacer.is_opt_currency(jsonb),
  pacer.is_opt_number(jsonb) TO pacer_rep, pacer_manager;

-- The first thing wrong with an event, in words, or null.
CREATE FUNCTION pacer.event_problem(e jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN jsonb_typeof(e) IS DISTINCT FROM 'object' THEN ' is not an object'
    WHEN jsonb_typeof(e -> 'id') IS DISTINCT FROM 'string' OR length(e ->> 'id') NOT BETWEEN 1 AND 200 THEN '.id must be a string of 1 to 200 characters'
    WHEN (e ->> 'type') IS NULL OR (e ->> 'type') NOT IN ('call', 'email', 'meeting', 'lead_created', 'proposal_sent',
      'proposal_accepted', 'referral_given', 'referral_received', 'event_attended', 'training', 'deal_stage_changed',
      'deal_won', 'deal_lost', 'linkedin_profile_view', 'linkedin_connect_sent', 'linkedin_connect_accepted',
      'linkedin_message_sent', 'linkedin_inmail_sent', 'linkedin_lead_saved') THEN format('.type %s is not an event type', coalesce(e -> 'type', 'null'::jsonb))
    WHEN NOT pacer.is_iso_time(e -> 'at') THEN '.at is not an ISO 8601 time'
    WHEN (e ->> 'site') IS NULL OR (e ->> 'site') NOT IN ('salesforce', 'hubspot', 'pipedrive', 'linkedin', 'manual', 'custom') THEN '.site is not one of salesforce, hubspot, pipedrive, linkedin, manual, custom'
    WHEN NOT pacer.is_opt_number(e -> 'amount') THEN '.amount must be a number or null'
    WHEN NOT pacer.is_opt_currency(e -> 'currency') THEN '.currency must be an ISO 4217 code (3 capital letters) or null'
    WHEN NOT pacer.is_opt_text(e -> 'deal_id', 300) THEN '.deal_id must be a string of at most 300 characters or null'
    WHEN NOT pacer.is_opt_text(e -> 'deal_name', 300) THEN '.deal_name must be a string of at most 300 characters or null'
    WHEN NOT pacer.is_opt_text(e -> 'person_name', 200) THEN '.person_name must be a string of at most 200 characters or null'
    WHEN NOT pacer.is_opt_text(e -> 'rep', 100) OR NOT pacer.is_opt_text(e -> 'team', 63) THEN '.rep and .team must be strings when present'
    WHEN e ? 'meta' AND jsonb_typeof(e -> 'meta') NOT IN ('object', 'null') THEN '.meta must be an object or null'
    WHEN jsonb_typeof(e -> 'meta') = 'object' AND octet_length((e -> 'meta')::text) > 2048 THEN '.meta is over 2 KB: only small metadata, never a body'
  END
$$;

CREATE FUNCTION pacer.deal_problem(d jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN jsonb_typeof(d) IS DISTINCT FROM 'object' THEN ' is not an object'
    WHEN jsonb_typeof(d -> 'id') IS DISTINCT FROM 'string' OR length(d ->> 'id') NOT BETWEEN 1 AND 300 THEN '.id must be a string of 1 to 300 characters'
    WHEN jsonb_typeof(d -> 'stage') IS DISTINCT FROM 'string' OR length(d ->> 'stage') NOT BETWEEN 1 AND 200 THEN '.stage must be a string of 1 to 200 characters'
    WHEN (d ->> 'status') IS NULL OR (d ->> 'status') NOT IN ('open', 'won', 'lost') THEN '.status must be open, won or lost'
    WHEN NOT pacer.is_iso_time(d -> 'last_seen_at') THEN '.last_seen_at is not an ISO 8601 time'
    WHEN d ? 'stage_entered_at' AND jsonb_typeof(d -> 'stage_entered_at') <> 'null' AND NOT pacer.is_iso_time(d -> 'stage_entered_at') THEN '.stage_entered_at is not an ISO 8601 time'
    WHEN d ? 'created_at' AND jsonb_typeof(d -> 'created_at') <> 'null' AND NOT pacer.is_iso_time(d -> 'created_at') THEN '.created_at is not an ISO 8601 time'
    WHEN d ? 'close_date' AND jsonb_typeof(d -> 'close_date') <> 'null' AND NOT coalesce((d ->> 'close_date') ~ '^\d{4}-\d{2}-\d{2}$', false) THEN '.close_date is not a date (YYYY-MM-DD)'
    WHEN NOT pacer.is_opt_number(d -> 'amount') THEN '.amount must be a number or null'
    WHEN NOT pacer.is_opt_number(d -> 'discount') OR coalesce((d ->> 'discount')::numeric NOT BETWEEN 0 AND 1, false) THEN '.discount must be a fraction from 0 to 1 or null'
    WHEN NOT pacer.is_opt_currency(d -> 'currency') THEN '.currency must be an ISO 4217 code (3 capital letters) or null'
    WHEN NOT pacer.is_opt_text(d -> 'name', 300) THEN '.name must be a string of at most 300 characters or null'
    WHEN NOT pacer.is_opt_text(d -> 'rep', 100) OR NOT pacer.is_opt_text(d -> 'team', 63) THEN '.rep and .team must be strings when present'
  END
$$;
GRANT EXECUTE ON FUNCTION pacer.event_problem(jsonb), pacer.deal_problem(jsonb) TO pacer_rep, pacer_manager;

CREATE FUNCTION pacer.require_array(v jsonb, name text, max_len int) RETURNS int LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF v IS NULL OR jsonb_typeof(v) <> 'array' THEN
    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format('%s must be an array', name);
  END IF;
  IF jsonb_array_length(v) > max_len THEN
    RAISE EXCEPTION USING ERRCODE = 'PT413', MESSAGE = format('At most %s %s per call; this one has %s. Send smaller batches.', max_len, name, jsonb_array_length(v));
  END IF;
  RETURN jsonb_array_length(v);
END
$$;
GRANT EXECUTE ON FUNCTION pacer.require_array(jsonb, text, int) TO pacer_rep, pacer_manager;

-- SECURITY INVOKER: row-level security shows a rep only their own rows, a manager their team's.
CREATE FUNCTION pacer.member_territory(p_team text, p_rep text) RETURNS text
LANGUAGE sql STABLE SET search_path = pacer, pg_temp AS $$
  SELECT coalesce(
    (SELECT a.territory FROM pacer.allocations a WHERE a.team = p_team AND a.rep = p_rep AND a.territory IS NOT NULL
      ORDER BY a.revision DESC LIMIT 1),
    (SELECT r.territory FROM pacer.reps r WHERE r.team = p_team AND r.id = p_rep))
$$;
GRANT EXECUTE ON FUNCTION pacer.member_territory(text, text) TO pacer_rep, pacer_manager;

CREATE FUNCTION api.whoami() RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pacer, pg_temp AS $$
DECLARE me record := pacer.caller();
BEGIN
  RETURN (
    SELECT jsonb_build_object('team', t.id, 'teamName', t.name,
      'teamSize', (SELECT count(*) FROM pacer.reps x WHERE x.team = t.id AND x.role = 'rep'),
      'rep', r.id, 'repName', r.name, 'role', r.role, 'territory', pacer.member_territory(r.team, r.id),
      'shareNames', t.share_names)
    FROM pacer.teams t JOIN pacer.reps r ON r.team = t.id
    WHERE t.id = me.team AND r.id = me.rep);
END
$$;
GRANT EXECUTE ON FUNCTION api.whoami() TO pacer_rep, pacer_manager;

CREATE FUNCTION api.push_events(events jsonb) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SET search_path = pacer, pg_temp AS $$
DECLARE
  me record := pacer.caller();
  total int;
  n int;
  problem text;
  share boolean;
BEGIN
  IF me.is_manager THEN
    RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = 'A manager''s token cannot push events: only reps record their own activity.';
  END IF;
  total := pacer.require_array(events, 'events', 2000);
  SELECT format('events[%s]%s', i - 1, p) INTO problem
    FROM jsonb_array_elements(events) WITH ORDINALITY AS x(e, i), LATERAL pacer.event_problem(e) AS p
    WHERE p IS NOT NULL ORDER BY i LIMIT 1;
  IF problem IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = problem;
  END IF;
  SELECT t.share_names INTO share FROM pacer.teams t WHERE t.id = me.team;
  -- One writer per team at a time, so seq order is commit order (pull cursors never skip).
  PERFORM pg_advisory_xact_lock(hashtext('pacer.events'), hashtext(me.team));
  INSERT INTO pacer.events (team, id, rep, type, at, site, amount, currency, deal_id, deal_name, meta, person_name)
  SELECT coalesce(e ->> 'team', me.team), e ->> 'id', coalesce(e ->> 'rep', me.rep), e ->> 'type', (e ->> 'at')::timestamptz,
         e ->> 'site', (e ->> 'amount')::numeric, e ->> 'currency', e ->> 'deal_id', e ->> 'deal_name',
         CASE WHEN jsonb_typeof(e -> 'meta') = 'object' THEN e -> 'meta' END,
         CASE WHEN share THEN e ->> 'person_name' END
    FROM jsonb_array_elements(events) AS x(e)
  ON CONFLICT (team, id) DO NOTHING;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN jsonb_build_object('inserted', n, 'duplicates', total - n);
END
$$;
GRANT EXECUTE ON FUNCTION api.push_events(jsonb) TO pacer_rep, pacer_manager;

CREATE FUNCTION api.push_deals(deals jsonb) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SET search_path = pacer, pg_temp AS $$
DECLARE
  me record := pacer.caller();
  total int;
  n int;
  problem text;
BEGIN
  IF me.is_manager THEN
    RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = 'A manager''s token cannot push deals: only reps record what they see.';
  END IF;
  total := pacer.require_array(deals, 'deals', 1000);
  SELECT format('deals[%s]%s', i - 1, p) INTO problem
    FROM jsonb_array_elements(deals) WITH ORDINALITY AS x(d, i), LATERAL pacer.deal_problem(d) AS p
    WHERE p IS NOT NULL ORDER BY i LIMIT 1;
  IF problem IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = problem;
  END IF;
  INSERT INTO pacer.deal_snapshots (team, rep, id, name, stage, stage_entered_at, amount, currency, discount, created_at,
                                    close_date, status, last_seen_at)
  SELECT coalesce(d ->> 'team', me.team), coalesce(d ->> 'rep', me.rep), d ->> 'id', d ->> 'name', d ->> 'stage',
         (d ->> 'stage_entered_at')::timestamptz, (d ->> 'amount')::numeric, d ->> 'currency', (d ->> 'discount')::numeric,
         (d ->> 'created_at')::timestamptz, (d ->> 'close_date')::date, d ->> 'status', (d ->> 'last_seen_at')::timestamptz
    FROM jsonb_array_elements(deals) AS x(d)
  ON CONFLICT (team, rep, id, last_seen_at) DO NOTHING;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN jsonb_build_object('inserted', n, 'duplicates', total - n);
END
$$;
GRANT EXECUTE ON FUNCTION api.push_deals(jsonb) TO pacer_rep, pacer_manager;

CREATE FUNCTION pacer.event_json(e pacer.events) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_strip_nulls(jsonb_build_object('id', e.id, 'type', e.type,
    'at', to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'site', e.site,
    'amount', e.amount, 'currency', e.currency, 'deal_id', e.deal_id, 'deal_name', e.deal_name, 'meta', e.meta,
    'person_name', e.person_name, 'rep', e.rep, 'seq', e.seq))
$$;
GRANT EXECUTE ON FUNCTION pacer.event_json(pacer.events) TO pacer_rep, pacer_manager;

CREATE FUNCTION api.pull_events(after bigint DEFAULT 0, "limit" int DEFAULT 1000, rep text DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql STABLE SET search_path = pacer, pg_temp AS $$
DECLARE
  me record := pacer.caller();
  rows jsonb;
  last_seq bigint;
BEGIN
  IF "limit" IS NULL OR "limit" < 1 OR "limit" > 5000 THEN
    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'limit must be from 1 to 5000';
  END IF;
  -- Row-level security already limits a rep to their own rows; `rep` narrows a manager's view.
  SELECT coalesce(jsonb_agg(pacer.event_json(e) ORDER BY e.seq), '[]'::jsonb), max(e.seq) INTO rows, last_seq
    FROM (SELECT * FROM pacer.events ev
           WHERE ev.team = me.team AND ev.seq > coalesce(after, 0) AND (pull_events.rep IS NULL OR ev.rep = pull_events.rep)
           ORDER BY ev.seq LIMIT "limit") e;
  RETURN jsonb_build_object('events', rows, 'next', coalesce(last_seq, after, 0));
END
$$;
GRANT EXECUTE ON FUNCTION api.pull_events(bigint, int, text) TO pacer_rep, pacer_manager;

CREATE FUNCTION api.pull_deals(rep text DEFAULT NULL) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pacer, pg_temp AS $$
  SELECT jsonb_build_object('deals', coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object('id', d.id, 'rep', d.rep,
      'name', d.name, 'stage', d.stage, 'stage_entered_at', d.stage_entered_at, 'amount', d.amount, 'currency', d.currency,
      'discount', d.discount, 'created_at', d.created_at, 'close_date', d.close_date, 'status', d.status,
      'last_seen_at', d.last_seen_at)) ORDER BY d.rep, d.id), '[]'::jsonb))
  FROM (SELECT DISTINCT ON (s.rep, s.id) s.* FROM pacer.deal_snapshots s, pacer.caller() me
         WHERE s.team = me.team AND (pull_deals.rep IS NULL OR s.rep = pull_deals.rep)
         ORDER BY s.rep, s.id, s.last_seen_at DESC) d
$$;
GRANT EXECUTE ON FUNCTION api.pull_deals(text) TO pacer_rep, pacer_manager;

-- The data-subject path: a rep erases their own events by id. SECURITY DEFINER because
-- nobody holds DELETE; the WHERE clause is the whole authorisation: the caller's team and rep.
CREATE FUNCTION api.erase_my_events(ids jsonb) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pacer, pg_temp AS $$
DECLARE
  me record := pacer.caller();
  n int;
BEGIN
  IF me.is_manager THEN
    RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = 'Only a rep erases their own events.';
  END IF;
  PERFORM pacer.require_array(ids, 'ids', 1000);
  IF EXISTS (SELECT FROM jsonb_array_elements(ids) x(v) WHERE jsonb_typeof(v) <> 'string') THEN
    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'ids must be strings';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('pacer.events'), hashtext(me.team));
  DELETE FROM pacer.events e
   WHERE e.team = me.team AND e.rep = me.rep AND e.id IN (SELECT jsonb_array_elements_text(ids));
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN jsonb_build_object('erased', n);
END
$$;
GRANT EXECUTE ON FUNCTION api.erase_my_events(jsonb) TO pacer_rep, pacer_manager;
