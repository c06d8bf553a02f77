-- Requests per throttle key (client:<id> or ip:<address>) per fixed window (its start, epoch ms),
-- added to by every api process sharing this database (src/api/auth/throttle-counters.ts): a
-- client's limit holds across processes. Windows older than the previous one are deleted as they pass.
CREATE TABLE api_rate_counters (
  key text NOT NULL,
  window_start bigint NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (key, window_start)
);
