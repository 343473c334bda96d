-- Row-level security keyed on the token's claims, as PostgREST sets them:
-- current_setting('request.jwt.claims') = '{"role":"pacer_rep","team":"t1","rep":"ana",…}'.
-- A rep inserts and reads only their own rows in their own team; a manager reads their team's
-- rows and writes only plans, allocations and feedback; nobody updates or deletes.

CREATE FUNCTION pacer.claims() RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb
$$;
CREATE FUNCTION pacer.claim_team() RETURNS text LANGUAGE sql STABLE AS $$ SELECT pacer.claims() ->> 'team' $$;
CREATE FUNCTION pacer.claim_rep() RETURNS text LANGUAGE sql STABLE AS $$ SELECT pacer.claims() ->> 'rep' $$;
GRANT EXECUTE ON FUNCTION pacer.claims(), pacer.claim_team(), pacer.claim_rep() TO pacer_rep, pacer_manager;

-- The caller, checked: a token we issued, not revoked, whose member still exists with the
-- role the token names. Every api function starts with it, so revocation holds even when
-- PostgREST runs without db-pre-request. Raises PT401 (PostgREST answers HTTP 401).
CREATE FUNCTION pacer.caller(OUT team text, OUT rep text, OUT role text, OUT is_manager boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pacer, pg_temp AS $$
DECLARE
  c jsonb := pacer.claims();
  v_jti uuid;
BEGIN
  team := c ->> 'team';
  rep := c ->> 'rep';
  role := c ->> 'role';
  IF team IS NULL OR rep IS NULL OR role IS NULL OR role IS DISTINCT FROM current_setting('role', true) THEN
    RAISE EXCEPTION USING ERRCODE = 'PT401', MESSAGE = 'The token does not name a team, a rep and this role.';
  END IF;
  BEGIN
    v_jti := (c ->> 'jti')::uuid;
  EXCEPTION WHEN invalid_text_representation THEN
    v_jti := NULL;
  END;
  IF v_jti IS NULL OR NOT EXISTS (SELECT FROM pacer.tokens t WHERE t.jti = v_jti AND t.team = caller.team AND t.rep = caller.rep AND t.role = caller.role) THEN
    RAISE EXCEPTION USING ERRCODE = 'PT401', MESSAGE = 'This token was not issued by this team server.';
  END IF;
  IF EXISTS (SELECT FROM pacer.revoked_tokens r WHERE r.jti = v_jti) THEN
    RAISE EXCEPTION USING ERRCODE = 'PT401', MESSAGE = 'This token has been revoked. Ask your manager for a new one.';
  END IF;
  IF NOT EXISTS (SELECT FROM pacer.reps m WHERE m.team = caller.team AND m.id = caller.rep
                 AND m.role = CASE caller.role WHEN 'pacer_manager' THEN 'manager' ELSE 'rep' END) THEN
    RAISE EXCEPTION USING ERRCODE = 'PT401', MESSAGE = 'This token''s rep is no longer on the team.';
  END IF;
  is_manager := role = 'pacer_manager';
END
$$;
GRANT EXECUTE ON FUNCTION pacer.caller() TO pacer_rep, pacer_manager;

-- PostgREST: db-pre-request = "api.check_token". Our gateway calls it too.
CREATE FUNCTION api.check_token() RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pacer, pg_temp AS $$
BEGIN
  PERFORM pacer.caller();
END
$$;
GRANT EXECUTE ON FUNCTION api.check_token() TO pacer_rep, pacer_manager;

-- Table privileges: no UPDATE, DELETE or TRUNCATE for anyone but the owner.
GRANT SELECT ON pacer.teams, pacer.reps TO pacer_rep, pacer_manager;
GRANT SELECT, INSERT ON pacer.events, pacer.deal_snapshots TO pacer_rep;
GRANT SELECT ON pacer.events, pacer.deal_snapshots TO pacer_manager;
GRANT SELECT ON pacer.plans, pacer.allocations, pacer.feedback TO pacer_rep;
GRANT SELECT, INSERT ON pacer.plans, pacer.allocations, pacer.feedback TO pacer_manager;

ALTER TABLE pacer.teams ENABLE ROW LEVEL SECURITY;
ALTER TABLE pacer.reps ENABLE ROW LEVEL SECURITY;
ALTER TABLE pacer.events ENABLE ROW LEVEL SECURITY;
ALTER TABLE pacer.deal_snapshots ENABLE ROW LEVEL SECURITY;
ALTER TABLE pacer.plans ENABLE ROW LEVEL SECURITY;
ALTER TABLE pacer.allocations ENABLE ROW LEVEL SECURITY;
ALTER TABLE pacer.feedback ENABLE ROW LEVEL SECURITY;
ALTER TABLE pacer.tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE pacer.revoked_tokens ENABLE ROW LEVEL SECURITY;

CREATE POLICY own_team ON pacer.teams FOR SELECT TO pacer_rep, pacer_manager
  USING (id = pacer.claim_team());

CREATE POLICY rep_self ON pacer.reps FOR SELECT TO pacer_rep
  USING (team = pacer.claim_team() AND id = pacer.claim_rep());
CREATE POLICY manager_team ON pacer.reps FOR SELECT TO pacer_manager
  USING (team = pacer.claim_team());

CREATE POLICY rep_reads_own ON pacer.events FOR SELECT TO pacer_rep
  USING (team = pacer.claim_team() AND rep = pacer.claim_rep());
CREATE POLICY rep_inserts_own ON pacer.events FOR INSERT TO pacer_rep
  WITH CHECK (team = pacer.claim_team() AND rep = pacer.claim_rep());
CREATE POLICY manager_reads_team ON pacer.events FOR SELECT TO pacer_manager
  USING (team = pacer.claim_team());

CREATE POLICY rep_reads_own ON pacer.deal_snapshots FOR SELECT TO pacer_rep
  USING (team = pacer.claim_team() AND rep = pacer.claim_rep());
CREATE POLICY rep_inserts_own ON pacer.deal_snapshots FOR INSERT TO pacer_rep
  WITH CHECK (team = pacer.claim_team() AND rep = pacer.claim_rep());
CREATE POLICY manager_reads_team ON pacer.deal_snapshots FOR SELECT TO pacer_manager
  USING (team = pacer.claim_team());

CREATE POLICY team_reads ON pacer.plans FOR SELECT TO pacer_rep, pacer_manager
  USING (team = pacer.claim_team());
CREATE POLICY manager_writes ON pacer.plans FOR INSERT TO pacer_manager
  WITH CHECK (team = pacer.claim_team() AND set_by = pacer.claim_rep());

CREATE POLICY rep_reads_own ON pacer.allocations FOR SELECT TO pacer_rep
  USING (team = pacer.claim_team() AND rep = pacer.claim_rep());
CREATE POLICY manager_reads_team ON pacer.allocations FOR SELECT TO pacer_manager
  USING (team = pacer.claim_team());
CREATE POLICY manager_writes ON pacer.allocations FOR INSERT TO pacer_manager
  WITH CHECK (team = pacer.claim_team() AND set_by = pacer.claim_rep());

CREATE POLICY rep_reads_own ON pacer.feedback FOR SELECT TO pacer_rep
  USING (team = pacer.claim_team() AND rep = pacer.claim_rep());
CREATE POLICY manager_reads_team ON pacer.feedback FOR SELECT TO pacer_manager
  USING (team = pacer.claim_team());
CREATE POLICY manager_writes ON pacer.feedback FOR INSERT TO pacer_manager
  WITH CHECK (team = pacer.claim_team() AND set_by = pacer.claim_rep());
-- tokens and revoked_tokens: RLS on and no policy and no grant: only the owner sees them.
