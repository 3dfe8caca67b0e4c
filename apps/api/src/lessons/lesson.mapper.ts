import type { Lesson, SnippetSegment } from '@samspill/contracts';
import { FRAGMENT_DELIMITER, type LessonRow, MATCH_START, MATCH_STOP } from './lesson-search';

/** How much of a lesson's beginning stands in for the snippet when nothing was searched for. */
const OPENING_LENGTH = 240;

export function toLesson(r: LessonRow): Lesson {
  return {
    id: r.id,
    source: r.source,
    kind: r.kind,
    text: r.text,
    snippet: r.headline === null ? openingSnippet(r.text) : snippetSegments(r.headline, r.text),
    project: { id: r.project_id, title: r.project_title, stage: r.project_stage, status: r.project_status },
    partnership: { id: r.partnership_id, name: r.partnership_name },
    organization:
      r.organization_id && r.organization_name && r.organization_country
        ? { id: r.organization_id, name: r.organization_name, country: r.organization_country }
        : null,
    createdAt: r.created_at.toISOString(),
  };
}

/**
 * ts_headline's answer as plain-text segments: the words between our marks
 * are the matches. An ellipsis stands where the snippet leaves text out at
 * either end.
 */
export function snippetSegments(headline: string, text: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let match = false;
  for (const part of headline.split(new RegExp(`(${MATCH_START}|${MATCH_STOP})`, 'u'))) {
    if (part === MATCH_START) match = true;
    else if (part === MATCH_STOP) match = false;
    else if (part !== '') segments.push({ text: part, match });
  }
  const plain = segments.map((s) => s.text).join('');
  // Fragments start and end at words: where one reaches an end of the text, that end's punctuation goes back; elsewhere, an ellipsis.
  const head = text.match(EDGE_START)?.[0] ?? '';
  const tail = text.match(EDGE_END)?.[0] ?? '';
  const core = text.slice(head.length, text.length - tail.length);
  const fragments = plain.replace(EDGE_START, '').replace(EDGE_END, '').split(FRAGMENT_DELIMITER);
  if (segments.length > 0) {
    const opening = core.startsWith((fragments[0] ?? '').slice(0, 40));
    if (!opening) segments.unshift({ text: '… ', match: false });
    else if (head && !plain.startsWith(head)) segments.unshift({ text: head, match: false });
    const closing = core.endsWith((fragments.at(-1) ?? '').slice(-40));
    if (!closing) segments.push({ text: ' …', match: false });
    else if (tail && !plain.endsWith(tail)) segments.push({ text: tail.trimEnd(), match: false });
  }
  return mergeNeighbours(segments);
}

const EDGE_START = /^[\s\p{P}\p{S}]+/u;
const EDGE_END = /[\s\p{P}\p{S}]+$/u;

function mergeNeighbours(segments: SnippetSegment[]): SnippetSegment[] {
  const merged: SnippetSegment[] = [];
  for (const segment of segments) {
    const last = merged.at(-1);
    if (last && last.match === segment.match) last.text += segment.text;
    else if (segment.text !== '') merged.push({ ...segment });
  }
  return merged;
}

/** The beginning of the text, cut at a word, as one segment. */
export function openingSnippet(text: string): SnippetSegment[] {
  if (text.length <= OPENING_LENGTH) return [{ text, match: false }];
  const cut = text.slice(0, OPENING_LENGTH);
  const atWord = cut.lastIndexOf(' ');
  return [{ text: `${(atWord > OPENING_LENGTH / 2 ? cut.slice(0, atWord) : cut).trimEnd()} …`, match: false }];
}
