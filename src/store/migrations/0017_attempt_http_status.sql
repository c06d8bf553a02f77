-- The HTTP status a target answered a failed attempt with (503, 429, 422…), as the connector saw
-- it; null for successes (2xx) and for failures that never reached HTTP (a timeout, a reset, a
-- file drop). Attempts recorded before this column say it only in their error text.
ALTER TABLE delivery_attempts ADD COLUMN http_status smallint;
