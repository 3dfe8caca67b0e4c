import type { Actor } from './collaboration-policy';

/**
 * Practices are published to everyone signed in; staff and leaders write for
 * their own organisation (an admin for any). The API decides with these, the
 * web app shows only the actions they allow.
 */
export function canWriteFor(actor: Actor, organizationId: string | null): boolean {
  if (actor.role === 'admin') return true;
  return (actor.role === 'staff' || actor.role === 'leader') && organizationId !== null && actor.organizationId === organizationId;
}

/** Publish a practice, or edit one, for its owning organisation. */
export const canWritePractice = (actor: Actor, practice: { organizationId: string }): boolean =>
  canWriteFor(actor, practice.organizationId);

/** Record that an organisation has taken up a practice. */
export const canAdoptFor = (actor: Actor, adopterId: string): boolean => canWriteFor(actor, adopterId);

export type AdoptionProblem = 'OWN_PRACTICE' | 'ALREADY_ADOPTED';

/**
 * Why an organisation may not take up a practice, or null when it may: a
 * practice is not adopted by its own organisation, and each organisation
 * adopts a practice once (what changes later belongs in the log).
 */
export function adoptionProblem(
  practice: { organizationId: string; adopterIds: readonly string[] },
  adopterId: string,
): AdoptionProblem | null {
  if (practice.organizationId === adopterId) return 'OWN_PRACTICE';
  if (practice.adopterIds.includes(adopterId)) return 'ALREADY_ADOPTED';
  return null;
}

export interface LineageNodeLike {
  id: string;
  depth: number;
}
export interface LineageEdgeLike {
  from: string;
  to: string;
}

/** A lineage as a tree seen from one side: each practice with the ones it leads to on that side. */
export interface LineageBranch<N extends LineageNodeLike> {
  node: N;
  children: LineageBranch<N>[];
}

/**
 * The two trees of a lineage, for drawing and for the nested list: `origins`
 * walks from the practice back to what it came from (each child is a practice
 * its parent built on), `spread` walks forward to everything built on it since.
 * A practice reached twice (two routes to the same origin) appears under each
 * route; a cycle, which the data cannot hold but a tree must not loop on, is cut.
 */
export function lineageTrees<N extends LineageNodeLike>(
  nodes: readonly N[],
  edges: readonly LineageEdgeLike[],
): { root: N | null; origins: LineageBranch<N>[]; spread: LineageBranch<N>[] } {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const root = nodes.find((n) => n.depth === 0) ?? null;
  if (!root) return { root: null, origins: [], spread: [] };
  const walk = (id: string, next: (id: string) => string[], seen: Set<string>): LineageBranch<N>[] =>
    next(id)
      .filter((child) => !seen.has(child) && byId.has(child))
      .map((child) => ({ node: byId.get(child) as N, children: walk(child, next, new Set([...seen, child])) }));
  // Siblings in the order the nodes were given (the API sorts them by depth and title).
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  const sortedBy = (ids: string[]) => [...new Set(ids)].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const parents = (id: string) => sortedBy(edges.filter((e) => e.to === id).map((e) => e.from));
  const children = (id: string) => sortedBy(edges.filter((e) => e.from === id).map((e) => e.to));
  return { root, origins: walk(root.id, parents, new Set([root.id])), spread: walk(root.id, children, new Set([root.id])) };
}
