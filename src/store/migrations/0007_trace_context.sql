-- The W3C trace context (traceparent) of the work that wrote an outbox event, so its deliveries,
-- in whichever worker process claims them, continue the same trace. Nullable without a default:
-- adding it rewrites nothing, and untraced writes store NULL.
ALTER TABLE events ADD COLUMN trace_context text;
