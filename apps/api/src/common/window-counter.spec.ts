import { WindowCounter } from './window-counter';

describe('WindowCounter', () => {
  it('counts hits per key within a window, and starts again when the window is over', () => {
    const counter = new WindowCounter(60_000);
    expect(counter.hit('a', 0)).toEqual({ hits: 1, retryAfterSeconds: 60 });
    expect(counter.hit('a', 1_500)).toEqual({ hits: 2, retryAfterSeconds: 59 });
    expect(counter.hit('b', 2_000)).toEqual({ hits: 1, retryAfterSeconds: 60 });
    expect(counter.hit('a', 59_999)).toEqual({ hits: 3, retryAfterSeconds: 1 });
    expect(counter.hit('a', 60_000)).toEqual({ hits: 1, retryAfterSeconds: 60 });
  });

  it('lets go of ended windows, and holds at most maxKeys keys, dropping the longest-held first', () => {
    const counter = new WindowCounter(1_000, 3);
    counter.hit('a', 0);
    counter.hit('b', 100);
    counter.hit('c', 200);
    counter.hit('d', 300);
    expect(counter.size).toBe(3);
    // "a" went to make room: it starts from one again, and "b" goes in its turn.
    expect(counter.hit('a', 400).hits).toBe(1);
    expect(counter.hit('c', 500).hits).toBe(2);
    expect(counter.hit('b', 600).hits).toBe(1);
    // Once their windows are over, the old keys go before anything else does.
    counter.hit('e', 5_000);
    expect(counter.size).toBe(1);
  });
});
