import { apiKey } from "./api.js";

/**
 * Live updates: GET /v1/dashboard/stream read with fetch() and a streaming body, not EventSource,
 * which cannot send the X-API-Key header (and a key in the URL would end up in logs and history).
 * Calls onPulse(counters) for every `pulse` event; reconnects with a growing pause when the stream
 * ends; onState("live" | "connecting" | "offline") drives the indicator.
 */
export function startLive(onPulse, onState) {
  let stopped = false;
  let controller;
  let pause = 1000;
  const run = async () => {
    while (!stopped) {
      controller = new AbortController();
      onState("connecting");
      try {
        const res = await fetch("/v1/dashboard/stream", {
          headers: { "x-api-key": apiKey() ?? "", accept: "text/event-stream" },
          signal: controller.signal,
        });
        if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
        onState("live");
        pause = 1000;
        await readEvents(res.body, (event, data) => {
          if (event === "pulse") onPulse(JSON.parse(data));
        });
      } catch {
        if (stopped) return;
      }
      onState("offline");
      await new Promise((r) => setTimeout(r, pause));
      pause = Math.min(pause * 2, 30_000);
    }
  };
  void run();
  return () => {
    stopped = true;
    controller?.abort();
  };
}

/** Parses text/event-stream frames (event:, data:, blank line) from a byte stream. */
async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end = buffer.indexOf("\n\n");
    while (end >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = "message";
      const data = [];
      for (const line of frame.split("\n")) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
      }
      if (data.length > 0) onEvent(event, data.join("\n"));
      end = buffer.indexOf("\n\n");
    }
  }
}
