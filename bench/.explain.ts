import 'reflect-metadata';
import { Client } from 'pg';
import { overviewSql, PARTNERSHIP_DASHBOARD_SQL } from '../apps/api/src/dashboards/dashboards.service';
import { visiblePartnershipSql } from '../apps/api/src/partnerships/partnership-access';
import { projectFilter } from '../apps/api/src/projects/projects.service';
import { benchDatabase } from '../bench/support';
(async () => {
  const db = await benchDatabase();
  const c = new Client({ connectionString: db.url }); await c.connect();
  const { rows: [s] } = await c.query(`SELECT pm.partnership_id, pm.organization_id FROM partnership_members pm WHERE pm.partnership_id = (SELECT partnership_id FROM projects GROUP BY 1 HAVING count(*) = 50 LIMIT 1) LIMIT 1`);
  const show = async (name: string, sql: string, params: unknown[]) => {
    const t = Date.now(); const r = await c.query(`EXPLAIN (ANALYZE, BUFFERS off, TIMING off, SUMMARY on) ${sql}`, params);
    const lines = r.rows.map((x: any) => x['QUERY PLAN']);
    console.log(`== ${name}: ${lines.filter((l: string) => l.includes('Execution Time') || l.includes('Planning Time')).join(' | ')}`);
    if (process.env.PLANS) console.log(lines.slice(0, 25).join('\n'));
  };
  const list = projectFilter({ role: 'staff', organizationId: s.organization_id }, { partnershipId: s.partnership_id });
  await show('list count', `SELECT count(*)::int AS total ${list.from}`, list.params);
  await show('list page', `SELECT pr.id ${list.from} ORDER BY pr.updated_at DESC, pr.id LIMIT 50 OFFSET 0`, list.params);
  for (const [k, v] of Object.entries(PARTNERSHIP_DASHBOARD_SQL)) await show(k, v, [s.partnership_id]);
  const ov = overviewSql(visiblePartnershipSql({ role: 'admin', organizationId: null }, 'p', '$1'));
  for (const [k, v] of Object.entries(ov)) await show('overview ' + k, v, [null]);
  await c.end(); await db.stop();
})();
