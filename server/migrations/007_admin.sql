-- Admin functions: owner only (not granted to any application role, not in the exposed schema).
-- server/admin.ts calls them over a superuser/owner connection.

CREATE FUNCTION pacer.admin_create_team(p_id text, p_name text, p_share_names boolean DEFAULT false) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO pacer.teams (id, name, share_names) VALUES (p_id, p_name, p_share_names)
$$;

CREATE FUNCTION pacer.admin_add_member(p_team text, p_id text, p_name text, p_role text, p_territory text DEFAULT NULL) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO pacer.reps (team, id, name, role, territory) VALUES (p_team, p_id, p_name, p_role, nullif(trim(p_territory), ''))
$$;

CREATE FUNCTION pacer.admin_record_token(p_jti uuid, p_team text, p_rep text, p_role text, p_expires timestamptz, p_note text DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM pacer.reps r WHERE r.team = p_team AND r.id = p_rep
                 AND r.role = CASE p_role WHEN 'pacer_manager' THEN 'manager' ELSE 'rep' END) THEN
    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format('No %s %L on team %L.', CASE p_role WHEN 'pacer_manager' THEN 'manager' ELSE 'rep' END, p_rep, p_team);
  END IF;
  INSERT INTO pacer.tokens (jti, team, rep, role, expires_at, note) VALUES (p_jti, p_team, p_rep, p_role, p_expires, p_note);
END
$$;

CREATE FUNCTION pacer.admin_revoke_token(p_jti uuid, p_reason text DEFAULT NULL) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM pacer.tokens t WHERE t.jti = p_jti) THEN
    RETURN false;
  END IF;
  INSERT INTO pacer.revoked_tokens (jti, reason) VALUES (p_jti, p_reason) ON CONFLICT (jti) DO NOTHING;
  RETURN true;
END
$$;

-- Erase everything about a rep (the data-subject request handled by the team's admin): their
-- events, deal snapshots, allocations, feedback and membership; their tokens are revoked.
CREATE FUNCTION pacer.admin_erase_rep(p_team text, p_rep text) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  n_events int;
  n_deals int;
  n_alloc int;
  n_feedback int;
BEGIN
  IF NOT EXISTS (SELECT FROM pacer.reps r WHERE r.team = p_team AND r.id = p_rep) THEN
    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format('No member %L on team %L.', p_rep, p_team);
  END IF;
  INSERT INTO pacer.revoked_tokens (jti, reason)
    SELECT t.jti, 'rep erased' FROM pacer.tokens t WHERE t.team = p_team AND t.rep = p_rep
  ON CONFLICT (jti) DO NOTHING;
  PERFORM pg_advisory_xact_lock(hashtext('pacer.events'), hashtext(p_team));
  DELETE FROM pacer.events WHERE team = p_team AND rep = p_rep;
  GET DIAGNOSTICS n_events = ROW_COUNT;
  DELETE FROM pacer.deal_snapshots WHERE team = p_team AND rep = p_rep;
  GET DIAGNOSTICS n_deals = ROW_COUNT;
  DELETE FROM pacer.allocations WHERE team = p_team AND rep = p_rep;
  GET DIAGNOSTICS n_alloc = ROW_COUNT;
  DELETE FROM pacer.feedback WHERE team = p_team AND rep = p_rep;
  GET DIAGNOSTICS n_feedback = ROW_COUNT;
  DELETE FROM pacer.reps WHERE team = p_team AND id = p_rep;
  RETURN jsonb_build_object('events', n_events, 'deals', n_deals, 'allocations', n_alloc, 'feedback', n_feedback);
END
$$;

REVOKE ALL ON FUNCTION pacer.admin_create_team(text, text, boolean), pacer.admin_add_member(text, text, text, text, text),
  pacer.admin_record_token(uuid, text, text, text, timestamptz, text), pacer.admin_revoke_token(uuid, text),
  pacer.admin_erase_rep(text, text) FROM PUBLIC;
