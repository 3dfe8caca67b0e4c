import type { Comment } from '@samspill/contracts';
import { floorQuestions, threadView } from './thread-view';

let minute = 0;
function comment(id: string, changes: Partial<Comment> = {}): Comment {
  minute += 1;
  return {
    id,
    text: `Tekst ${id}`,
    parentId: null,
    author: { id: 'u1', name: 'Gunnar Ansatt' },
    organization: { id: 'o1', name: 'Gran kommune' },
    mentions: [],
    createdAt: `2026-11-20T09:${String(minute).padStart(2, '0')}:00.000Z`,
    editedAt: null,
    deleted: false,
    fromFloor: false,
    ...changes,
  };
}

describe('threadView', () => {
  it('puts each reply under the comment it answers, both in the order written', () => {
    const a = comment('a');
    const b = comment('b');
    const a1 = comment('a1', { parentId: 'a' });
    const b1 = comment('b1', { parentId: 'b' });
    const a2 = comment('a2', { parentId: 'a' });
    expect(threadView([b1, a2, b, a1, a])).toEqual([
      { comment: a, replies: [a1, a2] },
      { comment: b, replies: [b1] },
    ]);
  });

  it('keeps a deleted comment in place so its replies keep their context', () => {
    const gone = comment('gone', { deleted: true, text: '' });
    const reply = comment('reply', { parentId: 'gone' });
    expect(threadView([gone, reply])).toEqual([{ comment: gone, replies: [reply] }]);
  });

  it('shows a reply whose comment is missing on its own', () => {
    const orphan = comment('orphan', { parentId: 'missing' });
    expect(threadView([orphan])).toEqual([{ comment: orphan, replies: [] }]);
  });
});

describe('floorQuestions', () => {
  it('lists questions from outside the partnership and counts answers from inside it', () => {
    const inside = comment('inside');
    const asked = comment('asked', { fromFloor: true, organization: { id: 'r', name: 'Roskilde Kommune' } });
    const open = comment('open', { fromFloor: true });
    const answer = comment('answer', { parentId: 'asked' });
    const followUp = comment('follow-up', { parentId: 'open', fromFloor: true });
    const removed = comment('removed', { fromFloor: true, deleted: true, text: '' });
    expect(floorQuestions([inside, asked, open, answer, followUp, removed])).toEqual([
      { comment: asked, answers: 1 },
      { comment: open, answers: 0 },
    ]);
  });
});
