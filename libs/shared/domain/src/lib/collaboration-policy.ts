import type { ErrorReasonOf, ProjectStatus, Role, Stage, Visibility } from '@samspill/contracts';
import { STAGES } from '@samspill/contracts/values';

/**
 * Who may do what in partnerships and projects. The API decides with these
 * functions; the web app uses the same ones to show only allowed actions.
 */
export interface Actor {
  role: Role;
  organizationId: string | null;
}

export interface PartnershipScope {
  visibility: Visibility;
  memberIds: readonly string[];
  /**
   * Organisations that follow the partnership: they read everything, write nothing. Left out, there are none:
   * a caller that forgets them hides the partnership from observers rather than showing it to anyone else.
   */
  observerIds?: readonly string[];
}

export interface ProjectScope {
  partnership: PartnershipScope;
  participantIds: readonly string[];
}

const isAdmin = (a: Actor) => a.role === 'admin';
const writes = (a: Actor) => a.role === 'staff' || a.role === 'leader';
const isMember = (a: Actor, p: PartnershipScope) => a.organizationId !== null && p.memberIds.includes(a.organizationId);
const isObserver = (a: Actor, p: PartnershipScope) => a.organizationId !== null && (p.observerIds ?? []).includes(a.organizationId);
const participates = (a: Actor, p: ProjectScope) => a.organizationId !== null && p.participantIds.includes(a.organizationId);

/**
 * Outside a `members` partnership nothing of it exists: callers answer 404, lists leave it out. Observers see
 * it whole; every write rule below asks for a member, so they write nothing (403). A `public` partnership is
 * read by every signed-in person as a `platform` one is (and by anyone through /api/public, see isPublic).
 */
export function canSeePartnership(actor: Actor, p: PartnershipScope): boolean {
  return isAdmin(actor) || isMember(actor, p) || isObserver(actor, p) || p.visibility !== 'members';
}

/** Whether anyone, signed in or not, may read the partnership through the public pages and open data. */
export function isPublic(p: Pick<PartnershipScope, 'visibility'>): boolean {
  return p.visibility === 'public';
}

export function canCreatePartnership(actor: Actor): boolean {
  return isAdmin(actor) || (actor.role === 'leader' && actor.organizationId !== null);
}

/** Leaders of a member organisation edit the partnership and its focus areas. */
export function canManagePartnership(actor: Actor, p: PartnershipScope): boolean {
  return isAdmin(actor) || (actor.role === 'leader' && isMember(actor, p));
}

/** Staff and leaders answer the three questions for their own organisation. */
export function canAnswerQuestions(actor: Actor, p: PartnershipScope): boolean {
  return isAdmin(actor) || (writes(actor) && isMember(actor, p));
}

/** An answer is edited or removed only from the organisation that gave it. */
export function canEditAnswer(actor: Actor, answer: { fromOrganizationId: string }): boolean {
  return isAdmin(actor) || (writes(actor) && actor.organizationId === answer.fromOrganizationId);
}

export function canCreateProject(actor: Actor, p: PartnershipScope): boolean {
  return isAdmin(actor) || (writes(actor) && isMember(actor, p));
}

/** Edit, log, indicators, stage moves short of `establish`, stop and complete. */
export function canWorkOnProject(actor: Actor, project: ProjectScope): boolean {
  return isAdmin(actor) || (writes(actor) && participates(actor, project));
}

/**
 * Rewording a log entry: its author, while still allowed to work on the
 * project, or an admin. (The earlier wording is always kept.)
 */
export function canEditLogEntry(actor: Actor & { userId: string }, entry: { authorId: string }, project: ProjectScope): boolean {
  return canWorkOnProject(actor, project) && isAuthorOrAdmin(actor, entry);
}

/** The half of canEditLogEntry that does not need the project (the web app knows the other half already). */
export function isAuthorOrAdmin(actor: Actor & { userId: string }, entry: { authorId: string }): boolean {
  return isAdmin(actor) || entry.authorId === actor.userId;
}

/** Moving into `establish` is a leader's decision. */
export function canDecideStage(actor: Actor, project: ProjectScope, toStage: Stage): boolean {
  if (!canWorkOnProject(actor, project)) return false;
  return toStage !== 'establish' || isAdmin(actor) || actor.role === 'leader';
}

/** The contract's reasons for INVALID_STAGE_TRANSITION: the client reads the same words. */
export type StageMoveProblem = ErrorReasonOf<'INVALID_STAGE_TRANSITION'>;

/** A stage's place in the one order there is: `STAGES`. */
const order = (stage: Stage): number => STAGES.indexOf(stage);

/**
 * Forward one stage at a time; back to any earlier stage (innovation is not
 * linear); only while the project is active. Null when the move is allowed.
 */
export function stageMoveProblem(from: Stage, to: Stage, status: ProjectStatus): StageMoveProblem | null {
  if (status !== 'active') return 'PROJECT_NOT_ACTIVE';
  if (from === to) return 'SAME_STAGE';
  if (order(to) > order(from) + 1) return 'SKIPS_A_STAGE';
  return null;
}

export function nextStage(stage: Stage): Stage | null {
  return STAGES[order(stage) + 1] ?? null;
}

export function earlierStages(stage: Stage): Stage[] {
  return STAGES.slice(0, order(stage));
}

export type StatusChangeProblem = ErrorReasonOf<'INVALID_STATUS_CHANGE'>;

/** Active projects may be stopped or completed; a stopped one may be resumed. A completed project stays completed. */
export function statusChangeProblem(from: ProjectStatus, to: ProjectStatus): StatusChangeProblem | null {
  if (from === to) return 'SAME_STATUS';
  if (from === 'completed') return 'ALREADY_CLOSED';
  return null;
}
