import type { PartnershipDashboard, ProjectResponse } from '@samspill/contracts';
import { startTestApi, type TestApi } from './support/api-server';
import { Collaboration, expectStatus, type Who } from './support/collaboration-fixtures';
import { allNodes, PdfStructure, type StructNode } from './support/pdf-structure';

/*
 * The council report is a tagged PDF (PDF/UA). veraPDF is not on these
 * machines, so this reads the file back with pdf-lib and checks what can be
 * checked from it: the catalog (MarkInfo, Lang, DisplayDocTitle, PDF/UA
 * identification in XMP), the structure tree (headings in order, lists,
 * tables with scoped headers, a figure with alternative text for every chart),
 * embedded fonts with Unicode maps, and that every painted piece of content is
 * either in the structure tree or a pagination artifact.
 */

let api: TestApi;
let c: Collaboration;
let dashboard: PartnershipDashboard;

async function report(who: Who, language?: string): Promise<{ status: number; bytes: Buffer; type: string | null }> {
  const { token } = await c.session(who);
  const response = await fetch(`${api.baseUrl}/api/dashboard/partnerships/${c.pilot.id}/report.pdf${language ? `?lang=${language}` : ''}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), type: response.headers.get('content-type') };
}

beforeAll(async () => {
  api = await startTestApi();
  c = await Collaboration.load(api);
  // Benefits in two units on a PILOTen project, one of them realised.
  const [project] = expectStatus(
    200,
    await c.call<{ items: ProjectResponse[] }>('granStaff', 'GET', `/api/projects?partnershipId=${c.pilot.id}&limit=200`),
  ).items.filter((p) => p.status === 'active');
  for (const body of [
    { kind: 'time', description: 'Færre nattbesøk', unit: 'fte', identified: 1.5, realised: 0.5, realisedOn: '2026-06-01' },
    { kind: 'money', description: 'Lavere innkjøpspris', unit: 'nok', identified: 250000 },
  ]) {
    expectStatus(201, await c.call('granStaff', 'POST', `/api/projects/${project?.id}/benefits`, body));
  }
  dashboard = expectStatus(200, await c.call<PartnershipDashboard>('granLeader', 'GET', `/api/dashboard/partnerships/${c.pilot.id}`));
});
afterAll(async () => {
  await api?.close();
});

describe('the council report as a tagged PDF', () => {
  let pdf: PdfStructure;
  let tree: StructNode[];
  let nodes: StructNode[];

  beforeAll(async () => {
    const answer = await report('granPolitician', 'nb');
    expect(answer.status).toBe(200);
    expect(answer.type).toBe('application/pdf');
    pdf = await PdfStructure.load(answer.bytes);
    tree = pdf.structureTree() ?? [];
    nodes = allNodes(tree);
  });

  it('declares itself tagged, in bokmål, PDF 1.7 and PDF/UA-1, and shows its title', () => {
    expect(pdf.version).toBe('1.7');
    expect(pdf.marked).toBe(true);
    expect(pdf.lang).toBe('nb-NO');
    expect(pdf.displaysTitle).toBe(true);
    expect(pdf.title).toBe('Rapport: PILOTen Hadeland');
    expect(pdf.metadata).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
  });

  it('has one Document in its structure tree, with headings that never skip a level', () => {
    expect(tree.map((n) => n.type)).toEqual(['Document']);
    const headings = nodes.filter((n) => /^H[1-6]$/.test(n.type)).map((n) => Number(n.type.slice(1)));
    expect(headings[0]).toBe(1);
    headings.forEach((level, i) => {
      if (i > 0) expect(level - (headings[i - 1] as number)).toBeLessThanOrEqual(1);
    });
    for (const type of ['Sect', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Figure']) {
      expect({ type, present: nodes.some((n) => n.type === type) }).toEqual({ type, present: true });
    }
    // Every list item is in a list, every row in a table, every cell in a row.
    const parentsOf = (type: string) =>
      new Set(
        allParents(tree)
          .filter(([child]) => child.type === type)
          .map(([, parent]) => parent.type),
      );
    expect(parentsOf('LI')).toEqual(new Set(['L']));
    expect(parentsOf('TR')).toEqual(new Set(['Table']));
    expect(parentsOf('TH')).toEqual(new Set(['TR']));
    expect(parentsOf('TD')).toEqual(new Set(['TR']));
  });

  it('gives every chart a figure with alternative text that carries its numbers', () => {
    const figures = nodes.filter((n) => n.type === 'Figure');
    const runCharts = dashboard.indicatorsByOrganization.length;
    // Stages, statuses, the benefits and a run chart per organisation that measured.
    expect(figures.length).toBeGreaterThanOrEqual(3);
    for (const figure of figures) {
      expect(figure.alt?.trim().length ?? 0).toBeGreaterThan(20);
      expect(figure.attributes['BBox']).toMatch(/^\[/);
      expect(figure.contentItems).toBeGreaterThan(0);
    }
    const alts = figures.map((f) => f.alt ?? '');
    const s = dashboard.stageCounts;
    expect(alts).toContainEqual(
      `Stolpediagram: Aktive prosjekter per fase. Lære og utforske sammen: ${s.learn}, Utvikle og teste: ${s.test}, Etablere ny praksis: ${s.establish}.`,
    );
    // The benefits per unit, each with its own numbers (the test added 1.5 FTE, 0.5 of it realised, and 250 000 kroner).
    const number = (n: number) => new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 }).format(n).replace(/\u202f/g, '\u00a0');
    const unitNames: Record<string, string> = { fte: 'årsverk', hours: 'timer', nok: 'NOK', count: 'antall', dkk: 'DKK' };
    const benefitsAlt = alts.find((a) => a.startsWith('Stolpediagram over gevinster per enhet, identifisert mot realisert: '));
    expect(dashboard.benefits.map((b) => b.unit)).toEqual(expect.arrayContaining(['fte', 'nok']));
    for (const b of dashboard.benefits) {
      expect(benefitsAlt).toContain(`${unitNames[b.unit]}: identifisert ${number(b.identified)}, realisert ${number(b.realised)}`);
    }
    const runChartAlts = alts.filter((a) => a.startsWith('Seriediagram for «Ventetid på hjemmetjenester», Gran kommune'));
    expect(runChartAlts).toHaveLength(1);
    // The demo's year of waiting times in Gran: a shift below the median, read out as improvement.
    expect(runChartAlts[0]).toMatch(/12 målinger fra .* median 10,75 dager\. Mål: 7\./);
    expect(runChartAlts[0]).toMatch(/6 målinger på rad under medianen fra .*: et tegn på reell forbedring\./);
    expect(figures.filter((f) => f.alt?.startsWith('Seriediagram'))).toHaveLength(
      dashboard.indicatorsByOrganization.filter((x) => x.progress !== null).length,
    );
    expect(runCharts).toBeGreaterThan(0);
  });

  it('gives every table a header row whose cells say what they head', () => {
    const tables = nodes.filter((n) => n.type === 'Table');
    expect(tables.length).toBeGreaterThanOrEqual(8);
    for (const table of tables) {
      const [header] = table.children;
      expect(header?.children.every((cell) => cell.type === 'TH')).toBe(true);
    }
    const scopes = new Set(nodes.filter((n) => n.type === 'TH').map((n) => n.attributes['Scope']));
    expect(scopes).toEqual(new Set(['/Column', '/Row']));
  });

  it('embeds every font, with a map back to Unicode', () => {
    const fonts = pdf.fonts();
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatchObject({ embedded: true, toUnicode: true });
    expect(fonts.map((f) => f.name).join(' ')).not.toMatch(/Helvetica|Times|Courier/);
  });

  it('tags every painted piece of content, and marks the page numbers as pagination artifacts', () => {
    const tagging = pdf.contentTagging();
    expect(tagging.untagged).toEqual([]);
    expect(tagging.mcids).toBeGreaterThan(100);
    expect(tagging.artifacts).toEqual({ Pagination: pdf.pageCount });
    expect(pdf.pageCount).toBeGreaterThanOrEqual(3);
  });
});

describe('the report in English, and for outsiders', () => {
  it('is in English when the reader asks for it', async () => {
    const answer = await report('granLeader', 'en');
    const pdf = await PdfStructure.load(answer.bytes);
    expect(pdf.lang).toBe('en-GB');
    expect(pdf.title).toBe('Report: PILOTen Hadeland');
    const alts = allNodes(pdf.structureTree() ?? [])
      .filter((n) => n.type === 'Figure')
      .map((n) => n.alt);
    expect(alts).toContainEqual(expect.stringMatching(/^Bar chart: Active projects by stage\. Learn and explore together: \d+/));
  });

  it('is not there for an outsider', async () => {
    expect((await report('roskildeStaff')).status).toBe(404);
  });
});

function allParents(nodes: StructNode[], parent?: StructNode): [StructNode, StructNode][] {
  return nodes.flatMap((n) => [...(parent ? [[n, parent] as [StructNode, StructNode]] : []), ...allParents(n.children, n)]);
}
