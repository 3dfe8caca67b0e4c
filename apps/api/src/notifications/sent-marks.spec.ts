import { type SentMark, SentMarks } from './sent-marks';

const mark = (userId: string): SentMark => ({ userId, items: 1 });

describe('SentMarks', () => {
  it('writes the first mark at once and gathers those that arrive during a write into the next', async () => {
    const writes: string[][] = [];
    let release: () => void = () => undefined;
    const marks = new SentMarks(async (batch) => {
      writes.push(batch.map((m) => m.userId));
      if (writes.length === 1) await new Promise<void>((r) => (release = r));
    });
    marks.add(mark('a'));
    marks.add(mark('b'));
    marks.add(mark('c'));
    expect(writes).toEqual([['a']]);
    release();
    await marks.done();
    expect(writes).toEqual([['a'], ['b', 'c']]);
    marks.add(mark('d'));
    await marks.done();
    expect(writes).toEqual([['a'], ['b', 'c'], ['d']]);
  });

  it('is done at once with nothing to write', async () => {
    const write = jest.fn();
    await new SentMarks(write).done();
    expect(write).not.toHaveBeenCalled();
  });

  it('reports a failed write from done(), not as an unhandled rejection', async () => {
    const marks = new SentMarks(async () => {
      throw new Error('database away');
    });
    marks.add(mark('a'));
    await new Promise((r) => setImmediate(r));
    await expect(marks.done()).rejects.toThrow('database away');
  });
});
