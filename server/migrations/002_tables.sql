-- Every table is insert-only for the application roles: a fact is never updated, a plan or
-- allocation change is a new revision, and only the erase functions delete.

CREATE TABLE pacer.teams (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- Whether reps' Pacer may send the names of the people they talk to (off by default).
  share_names boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Reps and managers of a team. The territory here is where the admin put them; a manager moves a
-- rep by allocating with a territory (pacer.allocations), so this row is never updated.
CREATE TABLE pacer.reps (
  team text NOT NULL REFERENCES pacer.teams (id),
  id text NOT NULL CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  role text NOT NULL CHECK (role IN ('rep', 'manager')),
  territory text CHECK (length(territory) BETWEEN 1 AND 100),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team, id)
);

-- lib/metrics/drivers.ts's isConversation: a connected call or an inbound email; unknown outcomes are not.
CREATE FUNCTION pacer.is_conversation(t text, meta jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE t
    WHEN 'call' THEN coalesce((meta ->> 'outcome') ~* '^\s*(connected|reached|spoke|answered|conversation)', false)
    WHEN 'email' THEN coalesce((meta ->> 'outcome') ~* '^\s*(inbound|replied|reply|received|incoming)', false)
    ELSE false
  END
$$;

-- `d` appears once, so PostgreSQL inlines this into the summary's scan of every event.
-- Shift the week start onto a Monday, truncate to ISO weeks, shift back.

CREATE TABLE pacer.events (
  team text NOT NULL,
  -- The client's deterministic id: a resend of the same fact inserts nothing.
  id text NOT NULL CHECK (length(id) BETWEEN 1 AND 200),
  rep text NOT NULL,
  type text NOT NULL CHECK (type IN ('call', 'email', 'meeting', 'lead_created', 'proposal_sent', 'proposal_accepted',
    'referral_given', 'referral_received', 'event_attended', 'training', 'deal_stage_changed', 'deal_won', 'deal_lost',
    'linkedin_profile_view', 'linkedin_connect_sent', 'linkedin_connect_accepted', 'linkedin_message_sent',
    'linkedin_inmail_sent', 'linkedin_lead_saved')),
  at timestamptz NOT NULL,
  site text NOT NULL CHECK (site IN ('salesforce', 'hubspot', 'pipedrive', 'linkedin', 'manual', 'custom')),
  amount numeric CHECK (amount <> 'NaN'::numeric),
  currency text CHECK (currency ~ '^[A-Z]{3}$'),
  deal_id text CHECK (length(deal_id) <= 300),
  deal_name text CHECK (length(deal_name) <= 300),
  -- Small typed extras (stages, outcome, discount, subject line): never a body.
  meta jsonb CHECK (meta IS NULL OR (jsonb_typeof(meta) = 'object' AND octet_length(meta::text) <= 2048)),
  person_name text CHECK (length(person_name) <= 200),
  -- Derived once at insert, so the summaries count conversations from the index alone. Changing
  -- pacer.is_conversation later needs a migration that recomputes it (and the weekly rollup).
  conv boolean GENERATED ALWAYS AS (pacer.is_conversation(type, meta)) STORED,
  -- Pull cursor. Assigned under a per-team lock (api.push_events), so seq order is commit order
  -- and a reader never skips a row that commits after it read a higher seq.
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team, id),
  FOREIGN KEY (team, rep) REFERENCES pacer.reps (team, id)
);
CREATE INDEX events_team_rep_at ON pacer.events (team, rep, at);
-- The summaries' scan of a period: an index-only scan (rep, type and conv ride along).
CREATE INDEX events_team_at ON pacer.events (team, at) INCLUDE (rep, type, conv);
CREATE INDEX events_team_closes ON pacer.events (team, rep, deal_id, at) WHERE type IN ('deal_won', 'deal_lost');
CREATE INDEX events_team_seq ON pacer.events (team, seq);

-- Deal snapshots: every reading is a version; the latest last_seen_at is the deal's state.
CREATE TABLE pacer.deal_snapshots (
  team text NOT NULL,
  rep text NOT NULL,
  id text NOT NULL CHECK (length(id) BETWEEN 1 AND 300),
  name text CHECK (length(name) <= 300),
  stage text NOT NULL CHECK (length(stage) BETWEEN 1 AND 200),
  stage_entered_at timestamptz,
  amount numeric CHECK (amount <> 'NaN'::numeric),
  currency text CHECK (currency ~ '^[A-Z]{3}$'),
  discount numeric CHECK (discount BETWEEN 0 AND 1),
  created_at timestamptz,
  close_date date,
  status text NOT NULL CHECK (status IN ('open', 'won', 'lost')),
  last_seen_at timestamptz NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team, rep, id, last_seen_at),
  FOREIGN KEY (team, rep) REFERENCES pacer.reps (team, id)
);
CREATE INDEX deal_snapshots_latest ON pacer.deal_snapshots (team, rep, id, last_seen_at DESC);

-- The team's plan (lib/metrics/plan.ts's Plan as JSON), one row per revision.
CREATE TABLE pacer.plans (
  team text NOT NULL REFERENCES pacer.teams (id),
  revision bigint GENERATED ALWAYS AS IDENTITY,
  effective_from date NOT NULL,
  plan jsonb NOT NULL CHECK (jsonb_typeof(plan) = 'object' AND octet_length(plan::text) <= 65536),
  set_at timestamptz NOT NULL DEFAULT now(),
  set_by text NOT NULL,
  PRIMARY KEY (team, revision)
);

-- A rep's share of the plan, one row per revision; a territory here moves the rep.
CREATE TABLE pacer.allocations (
  team text NOT NULL,
  rep text NOT NULL,
  revision bigint GENERATED ALWAYS AS IDENTITY,
  effective_from date NOT NULL,
  annual_quota numeric NOT NULL CHECK (annual_quota >= 0 AND annual_quota <> 'NaN'::numeric),
  quarter_quotas numeric[] CHECK (quarter_quotas IS NULL OR (cardinality(quarter_quotas) = 4 AND 0 <= ALL (quarter_quotas))),
  territory text CHECK (length(territory) BETWEEN 1 AND 100),
  note text CHECK (length(note) <= 500),
  set_at timestamptz NOT NULL DEFAULT now(),
  set_by text NOT NULL,
  PRIMARY KEY (team, rep, revision),
  FOREIGN KEY (team, rep) REFERENCES pacer.reps (team, id)
);

-- The manager's kudos and focus for a rep's week; the latest revision per (rep, week) wins.
CREATE TABLE pacer.feedback (
  team text NOT NULL,
  rep text NOT NULL,
  week date NOT NULL,
  revision bigint GENERATED ALWAYS AS IDENTITY,
  kudos text CHECK (length(kudos) <= 500),
  focus text CHECK (length(focus) <= 500),
  set_at timestamptz NOT NULL DEFAULT now(),
  set_by text NOT NULL,
  PRIMARY KEY (team, rep, week, revision),
  FOREIGN KEY (team, rep) REFERENCES pacer.reps (team, id)
);

-- Every token issued (claims minus the signature), so a token we never issued is refused even
-- if someone has the secret's signature right, and revocation has something to point at.
CREATE TABLE pacer.tokens (
  jti uuid PRIMARY KEY,
  team text NOT NULL,
  rep text NOT NULL,
  role text NOT NULL CHECK (role IN ('pacer_rep', 'pacer_manager')),
  issued_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  note text
);

CREATE TABLE pacer.revoked_tokens (
  jti uuid PRIMARY KEY,
  revoked_at timestamptz NOT NULL DEFAULT now(),
  reason text
);
