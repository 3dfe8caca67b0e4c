/** A server-sent event as the stream carried it. */
/** What the notification stream sends: `ready` and `notification` both carry the unread count. */
export interface StreamData {
  unread: number;
  [key: string]: unknown;
}

export interface StreamEvent {
  event: string;
  data: StreamData;
}

export interface EventStream {
  contentType: string | null;
  /** The next event of that name (earlier ones of other names are passed over); fails after the timeout. */
  next(event: string, timeoutMs?: number): Promise<StreamEvent>;
  /** Resolves with the time (Date.now()) the server ended the stream. */
  ended: Promise<number>;
  close(): void;
}

/** Opens GET /api/notifications/stream as the web app does: fetch() with the bearer token, read as a stream. */
export async function openStream(baseUrl: string, token: string): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/notifications/stream`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  if (response.status !== 200 || !response.body) throw new Error(`the stream answered ${response.status}`);
  const events: StreamEvent[] = [];
  const waiting: { event: string; resolve: (e: StreamEvent) => void }[] = [];
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let endedAt: (at: number) => void = () => undefined;
  const ended = new Promise<number>((resolve) => (endedAt = resolve));
  const take = (block: string) => {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length === 0) return;
    const parsed: StreamEvent = { event, data: JSON.parse(data.join('\n')) as StreamData };
    const waiter = waiting.find((w) => w.event === event);
    if (waiter) {
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve(parsed);
    } else events.push(parsed);
  };
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return endedAt(Date.now());
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          take(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // closed
    }
  })();
  return {
    contentType: response.headers.get('content-type'),
    next: (event, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const found = events.find((e) => e.event === event);
        if (found) {
          events.splice(events.indexOf(found), 1);
          return resolve(found);
        }
        const timer = setTimeout(() => reject(new Error(`no "${event}" event within ${timeoutMs} ms`)), timeoutMs);
        waiting.push({
          event,
          resolve: (e) => {
            clearTimeout(timer);
            resolve(e);
          },
        });
      }),
    ended,
    close: () => controller.abort(),
  };
}
