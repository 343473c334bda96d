-- Roles and schemas, PostgREST's model: the gateway (or PostgREST, or Supabase) logs in as
-- `authenticator`, which can do nothing itself, and switches to the role named by the token.
-- Tables live in `pacer` (never exposed over HTTP); the callable functions live in `api`.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'authenticator') THEN
    CREATE ROLE authenticator NOINHERIT LOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pacer_rep') THEN
    CREATE ROLE pacer_rep NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pacer_manager') THEN
    CREATE ROLE pacer_manager NOLOGIN;
  END IF;
END
$$;

GRANT pacer_rep TO authenticator;
GRANT pacer_manager TO authenticator;

CREATE SCHEMA pacer;
CREATE SCHEMA api;
REVOKE ALL ON SCHEMA pacer FROM PUBLIC;
REVOKE ALL ON SCHEMA api FROM PUBLIC;
GRANT USAGE ON SCHEMA pacer TO pacer_rep, pacer_manager;
GRANT USAGE ON SCHEMA api TO pacer_rep, pacer_manager;

-- Nothing is callable unless granted by name (and see the REVOKE at the end of 008: per-schema
-- default privileges cannot withdraw PUBLIC's EXECUTE by themselves).
ALTER DEFAULT PRIVILEGES IN SCHEMA api REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA pacer REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
