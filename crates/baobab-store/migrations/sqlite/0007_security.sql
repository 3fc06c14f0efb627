-- Stale sessions are deleted on a schedule; a completed password reset voids the account's
-- other unused reset links.
CREATE INDEX sessions_expiry ON sessions(expires_at);
CREATE INDEX account_tokens_unused ON account_tokens(user_id, purpose) WHERE used_at IS NULL;
