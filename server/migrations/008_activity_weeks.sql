-- Weekly activity per rep and event type, kept up to date by triggers, so the team summary of a
-- long period reads ~10 times fewer rows than the events themselves. Weeks are counted in the
-- time zone and week start of the team's plan in force (the "basis"); when a new plan changes
-- either, the rollup is rebuilt. A summary whose plan has another basis, and the partial weeks
-- at a period's edges, read the events directly, so the numbers are the same either way
-- (tests/server/rollup.test.ts compares them).

CREATE TABLE pacer.activity_weeks_basis (
  team text PRIMARY KEY REFERENCES pacer.teams (id),
  time_zone text NOT NULL,
  week_starts_on int NOT NULL
);

CREATE TABLE pacer.activity_weeks (
  team text NOT NULL,
  rep text NOT NULL,
  week date NOT NULL,
  type text NOT NULL,
  n int NOT NULL,
  conv int NOT NULL,
  PRIMARY KEY (team, week, rep, type)
);
-- No grants and no policies: only the owner's functions (triggers, team_summary) read or write them.
ALTER TABLE pacer.activity_weeks_basis ENABLE ROW LEVEL SECURITY;
ALTER TABLE pacer.activity_weeks ENABLE ROW LEVEL SECURITY;

-- Pushes and erasures of one team take this lock, so rollup rows change in one order at a time.
CREATE FUNCTION pacer.lock_team_events(p_team text) RETURNS void LANGUAGE sql VOLATILE AS $$
  SELECT pg_advisory_xact_lock(hashtext('pacer.events'), hashtext(p_team))
$$;
GRANT EXECUTE ON FUNCTION pacer.lock_team_events(text) TO pacer_rep, pacer_manager;

CREATE FUNCTION pacer.activity_weeks_add() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pacer, pg_temp AS $$
BEGIN
  INSERT INTO pacer.activity_weeks_basis (team, time_zone, week_starts_on)
  SELECT t.team, p ->> 'timeZone', (p ->> 'weekStartsOn')::int
    FROM (SELECT DISTINCT team FROM new_rows) t, LATERAL pacer.plan_at(t.team, current_date) p
  ON CONFLICT (team) DO NOTHING;
  INSERT INTO pacer.activity_weeks AS w (team, rep, week, type, n, conv)
  SELECT r.team, r.rep, pacer.week_start((r.at AT TIME ZONE b.time_zone)::date, b.week_starts_on), r.type, count(*), count(*) FILTER (WHERE r.conv)
    FROM new_rows r JOIN pacer.activity_weeks_basis b ON b.team = r.team
   GROUP BY 1, 2, 3, 4
  ON CONFLICT (team, week, rep, type) DO UPDATE SET n = w.n + excluded.n, conv = w.conv + excluded.conv;
  RETURN NULL;
END
$$;
CREATE TRIGGER activity_weeks_add AFTER INSERT ON pacer.events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pacer.activity_weeks_add();

CREATE FUNCTION pacer.activity_weeks_remove() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pacer, pg_temp AS $$
BEGIN
  UPDATE pacer.activity_weeks w SET n = w.n - d.n, conv = w.conv - d.conv
    FROM (SELECT r.team, r.rep, pacer.week_start((r.at AT TIME ZONE b.time_zone)::date, b.week_starts_on) AS week, r.type,
                 count(*) AS n, count(*) FILTER (WHERE r.conv) AS conv
            FROM old_rows r JOIN pacer.activity_weeks_basis b ON b.team = r.team
           GROUP BY 1, 2, 3, 4) d
   WHERE w.team = d.team AND w.week = d.week AND w.rep = d.rep AND w.type = d.type;
  DELETE FROM pacer.activity_weeks w WHERE w.n <= 0 AND w.team IN (SELECT DISTINCT team FROM old_rows);
  RETURN NULL;
END
$$;
CREATE TRIGGER activity_weeks_remove AFTER DELETE ON pacer.events
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pacer.activity_weeks_remove();

-- Re-keys the rollup when the plan in force counts weeks differently (another zone or week start).
CREATE FUNCTION pacer.rebuild_activity_weeks(p_team text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pacer, pg_temp AS $$
DECLARE
  p jsonb := pacer.plan_at(p_team, current_date);
BEGIN
  IF current_setting('role', true) IN ('pacer_rep', 'pacer_manager') AND p_team IS DISTINCT FROM pacer.claim_team() THEN
    RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = 'Only your own team''s rollup.';
  END IF;
  PERFORM pacer.lock_team_events(p_team);
  IF EXISTS (SELECT FROM pacer.activity_weeks_basis b WHERE b.team = p_team AND b.time_zone = p ->> 'timeZone'
             AND b.week_starts_on = (p ->> 'weekStartsOn')::int) THEN
    RETURN;
  END IF;
  INSERT INTO pacer.activity_weeks_basis (team, time_zone, week_starts_on) VALUES (p_team, p ->> 'timeZone', (p ->> 'weekStartsOn')::int)
  ON CONFLICT (team) DO UPDATE SET time_zone = excluded.time_zone, week_starts_on = excluded.week_starts_on;
  DELETE FROM pacer.activity_weeks WHERE team = p_team;
  INSERT INTO pacer.activity_weeks (team, rep, week, type, n, conv)
  SELECT e.team, e.rep, pacer.week_start((e.at AT TIME ZONE (p ->> 'timeZone'))::date, (p ->> 'weekStartsOn')::int), e.type,
         count(*), count(*) FILTER (WHERE e.conv)
    FROM pacer.events e WHERE e.team = p_team GROUP BY 1, 2, 3, 4;
END
$$;
GRANT EXECUTE ON FUNCTION pacer.rebuild_activity_weeks(text) TO pacer_manager;

-- Existing teams (a database migrated with events already in it).
SELECT pacer.rebuild_activity_weeks(t.id) FROM pacer.teams t;

-- PostgreSQL grants EXECUTE on every new function to PUBLIC, and per-schema default privileges
-- cannot take that back (001's ALTER DEFAULT PRIVILEGES only documents the intent). So: nothing
-- in these schemas is callable except what the migrations granted to a role by name.
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA pacer FROM PUBLIC;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA api FROM PUBLIC;
