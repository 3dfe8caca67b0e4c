import { EventStreamParser } from './event-stream';

describe('EventStreamParser', () => {
  it('reads named events, joins data lines and keeps the last id', () => {
    const parser = new EventStreamParser();
    const events = parser.feed('event: notification\nid: 7\ndata: {"a":1}\n\ndata: one\ndata: two\n\n');
    expect(events).toEqual([
      { event: 'notification', data: '{"a":1}', id: '7' },
      { event: 'message', data: 'one\ntwo', id: '7' },
    ]);
  });

  it('waits for the rest of an event split across chunks, also between CR and LF', () => {
    const parser = new EventStreamParser();
    expect(parser.feed('data: hal')).toEqual([]);
    expect(parser.feed('lo\r')).toEqual([]);
    expect(parser.feed('\n\r\n')).toEqual([{ event: 'message', data: 'hallo', id: null }]);
  });

  it('skips heartbeats (comments) and events without data', () => {
    const parser = new EventStreamParser();
    expect(parser.feed(': heartbeat\n\nevent: ping\n\n:\n\n')).toEqual([]);
    expect(parser.feed('data:no space\n\n')).toEqual([{ event: 'message', data: 'no space', id: null }]);
  });
});
