import type { Comment } from '@samspill/contracts';

/** A top-level comment with its replies (one level), each in the order written. */
export interface ThreadEntry {
  comment: Comment;
  replies: Comment[];
}

/** A question from the floor: a comment from outside the partnership, and whether someone in it has answered. */
export interface FloorQuestion {
  comment: Comment;
  answers: number;
}

/**
 * The API lists a thread oldest first; the page shows each reply under the comment it answers. A reply whose
 * comment is missing (it never should be: deleted ones stay as placeholders) stands on its own rather than vanish.
 */
export function threadView(comments: readonly Comment[]): ThreadEntry[] {
  const byTime = [...comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const entries = new Map<string, ThreadEntry>();
  for (const comment of byTime) {
    if (comment.parentId === null || !entries.has(comment.parentId)) entries.set(comment.id, { comment, replies: [] });
    else entries.get(comment.parentId)?.replies.push(comment);
  }
  return [...entries.values()];
}

/** Top-level comments from outside the partnership, oldest first; answered once someone of the partnership replied. */
export function floorQuestions(comments: readonly Comment[]): FloorQuestion[] {
  return threadView(comments)
    .filter(({ comment }) => comment.fromFloor && !comment.deleted)
    .map(({ comment, replies }) => ({ comment, answers: replies.filter((reply) => !reply.fromFloor && !reply.deleted).length }));
}
