import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Spread } from '@samspill/contracts';
import { DataSource } from 'typeorm';
import { onlyRow } from '../database/only-row';

export const SPREAD_ORGANIZATIONS = 200;
export const SPREAD_TOP_PRACTICES = 10;

/** Practices are published to everyone, so the figures are the same for everyone: one statement, no visibility to apply. */
const SPREAD_SQL = `WITH
  shared AS (SELECT organization_id, count(*)::int AS n FROM practices GROUP BY organization_id),
  given AS (SELECT pc.organization_id, count(*)::int AS n FROM adoptions a JOIN practices pc ON pc.id = a.practice_id GROUP BY pc.organization_id),
  taken AS (SELECT organization_id, count(*)::int AS n FROM adoptions GROUP BY organization_id),
  by_organization AS (
    SELECT o.id, o.name, coalesce(s.n, 0) AS shared, coalesce(g.n, 0) AS given, coalesce(t.n, 0) AS taken
    FROM organizations o LEFT JOIN shared s ON s.organization_id = o.id LEFT JOIN given g ON g.organization_id = o.id
    LEFT JOIN taken t ON t.organization_id = o.id
    WHERE s.n IS NOT NULL OR t.n IS NOT NULL
    ORDER BY coalesce(s.n, 0) + coalesce(g.n, 0) + coalesce(t.n, 0) DESC, o.name, o.id LIMIT ${SPREAD_ORGANIZATIONS}
  ),
  top_practices AS (
    SELECT pc.id, pc.title, o.id AS organization_id, o.name AS organization_name, x.n AS adoptions
    FROM (SELECT practice_id, count(*)::int AS n FROM adoptions GROUP BY practice_id) x
    JOIN practices pc ON pc.id = x.practice_id JOIN organizations o ON o.id = pc.organization_id
    ORDER BY x.n DESC, pc.title, pc.id LIMIT ${SPREAD_TOP_PRACTICES}
  )
SELECT (SELECT count(*)::int FROM practices) AS practices,
       (SELECT count(*)::int FROM adoptions) AS adoptions,
       (SELECT count(DISTINCT organization_id)::int FROM adoptions) AS organizations_reached,
       (SELECT count(DISTINCT o.country)::int FROM adoptions a JOIN organizations o ON o.id = a.organization_id) AS countries_reached,
       (SELECT coalesce(json_agg(json_build_object('organization', json_build_object('id', b.id, 'name', b.name),
          'practicesShared', b.shared, 'adoptionsGiven', b.given, 'adoptionsTaken', b.taken)
          ORDER BY b.shared + b.given + b.taken DESC, b.name, b.id), '[]') FROM by_organization b) AS by_organization,
       (SELECT coalesce(json_agg(json_build_object('id', t.id, 'title', t.title,
          'organization', json_build_object('id', t.organization_id, 'name', t.organization_name), 'adoptions', t.adoptions)
          ORDER BY t.adoptions DESC, t.title, t.id), '[]') FROM top_practices t) AS top_practices`;

@Injectable()
export class SpreadService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async figures(): Promise<Spread> {
    const row = onlyRow(
      await this.dataSource.query<
        {
          practices: number;
          adoptions: number;
          organizations_reached: number;
          countries_reached: number;
          by_organization: Spread['byOrganization'];
          top_practices: Spread['topPractices'];
        }[]
      >(SPREAD_SQL),
    );
    return {
      practices: row.practices,
      adoptions: row.adoptions,
      organizationsReached: row.organizations_reached,
      countriesReached: row.countries_reached,
      byOrganization: row.by_organization,
      topPractices: row.top_practices,
    };
  }
}
