import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AdoptionKind, Lineage } from '@samspill/contracts';
import { DataSource } from 'typeorm';
import { notFound } from '../common/domain-exception';

/** How far a lineage is followed each way, and how many practices it names at most. */
export const LINEAGE_DEPTH = 10;
export const LINEAGE_NODES = 500;

/**
 * Both ways from one practice ($1): back through what it built on (negative
 * depth), forward through what was built on it (positive). Each walk keeps
 * its path and never revisits a practice on it, so even a cycle (which the
 * data cannot hold: a practice builds only on older ones) ends; a practice
 * reached by several routes keeps its nearest depth.
 */
const LINEAGE_SQL = `WITH RECURSIVE
  origins (id, depth, path) AS (
    SELECT $1::uuid, 0, ARRAY[$1::uuid]
    UNION ALL
    SELECT a.practice_id, o.depth - 1, o.path || a.practice_id
    FROM origins o JOIN adoptions a ON a.derived_practice_id = o.id
    WHERE o.depth > -${LINEAGE_DEPTH} AND NOT a.practice_id = ANY (o.path)
  ),
  spread (id, depth, path) AS (
    SELECT $1::uuid, 0, ARRAY[$1::uuid]
    UNION ALL
    SELECT a.derived_practice_id, s.depth + 1, s.path || a.derived_practice_id
    FROM spread s JOIN adoptions a ON a.practice_id = s.id AND a.derived_practice_id IS NOT NULL
    WHERE s.depth < ${LINEAGE_DEPTH} AND NOT a.derived_practice_id = ANY (s.path)
  ),
  reached AS (
    SELECT id, (array_agg(depth ORDER BY abs(depth), depth))[1] AS depth
    FROM (SELECT id, depth FROM origins UNION ALL SELECT id, depth FROM spread) x GROUP BY id
  ),
  nodes AS (
    SELECT pc.id, pc.title, o.id AS organization_id, o.name AS organization_name, r.depth
    FROM reached r JOIN practices pc ON pc.id = r.id JOIN organizations o ON o.id = pc.organization_id
    ORDER BY abs(r.depth), r.depth, pc.title, pc.id LIMIT ${LINEAGE_NODES}
  )
SELECT (SELECT coalesce(json_agg(json_build_object('id', n.id, 'title', n.title,
          'organization', json_build_object('id', n.organization_id, 'name', n.organization_name), 'depth', n.depth)
          ORDER BY n.depth, n.title, n.id), '[]') FROM nodes n) AS nodes,
       (SELECT coalesce(json_agg(json_build_object('from', a.practice_id, 'to', a.derived_practice_id, 'kind', a.kind)
          ORDER BY a.created_at, a.id), '[]')
        FROM adoptions a
        WHERE a.derived_practice_id IN (SELECT id FROM nodes) AND a.practice_id IN (SELECT id FROM nodes)) AS edges`;

@Injectable()
export class PracticeLineage {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(id: string): Promise<Lineage> {
    const [row] = await this.dataSource.query<{ nodes: Lineage['nodes']; edges: { from: string; to: string; kind: AdoptionKind }[] }[]>(
      LINEAGE_SQL,
      [id],
    );
    if (!row || !row.nodes.some((n) => n.id === id)) throw notFound('practice');
    return { nodes: row.nodes, edges: row.edges };
  }
}
