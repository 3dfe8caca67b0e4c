import type { PartnershipDashboard, Stage } from '@samspill/contracts';
import PDFDocument from 'pdfkit';
import { labelsFor } from '../common/labels';

export interface ReportProject {
  title: string;
  stage: Stage;
  participants: string;
  rationale: string | null;
  decidedAt: Date | null;
}

const STAGES: Stage[] = ['learn', 'test', 'establish'];

const TEXT = {
  nb: {
    title: 'Rapport',
    period: 'Periode',
    printed: 'Utskrevet',
    figures: 'Nøkkeltall',
    active: 'Aktive prosjekter',
    stopped: 'Stoppet',
    completed: 'Fullført',
    byFocus: 'Prosjekter per satsingsområde og fase',
    none: 'Uten satsingsområde',
    byOrg: 'Per organisasjon',
    projects: 'prosjekter',
    given: 'svar gitt',
    received: 'svar mottatt',
    median: 'Median dager i fase',
    matches: 'Tilbud som har møtt et ønske',
    indicators: 'Indikatorer (andel av veien fra utgangspunkt til mål)',
    notMeasured: 'ikke målt',
    byStage: 'Prosjekter per fase',
    latest: 'Siste begrunnelse',
    noProjects: 'Ingen aktive prosjekter.',
    days: 'dager',
  },
  en: {
    title: 'Report',
    period: 'Period',
    printed: 'Printed',
    figures: 'Key figures',
    active: 'Active projects',
    stopped: 'Stopped',
    completed: 'Completed',
    byFocus: 'Projects by focus area and stage',
    none: 'No focus area',
    byOrg: 'By organisation',
    projects: 'projects',
    given: 'answers given',
    received: 'answers received',
    median: 'Median days in stage',
    matches: 'Offers that met a wish',
    indicators: 'Indicators (share of the way from baseline to target)',
    notMeasured: 'not measured',
    byStage: 'Projects by stage',
    latest: 'Latest rationale',
    noProjects: 'No active projects.',
    days: 'days',
  },
} as const;

/** A partnership report for a council meeting: the dashboard's figures and the projects by stage. */
export function renderPartnershipReport(
  dashboard: PartnershipDashboard,
  projects: ReportProject[],
  period: { from: Date; to: Date },
  locale: 'nb' | 'en',
): Promise<Buffer> {
  const t = TEXT[locale];
  const labels = labelsFor(locale);
  const dateFormat = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'long' });
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `${t.title}: ${dashboard.partnership.name}`, Author: 'Samspill' },
    lang: locale === 'en' ? 'en' : 'nb',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const heading = (text: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor('#1e2b3c').text(text).moveDown(0.3);
  const line = (text: string) => doc.font('Helvetica').fontSize(10.5).fillColor('#222').text(text);

  doc.font('Helvetica-Bold').fontSize(20).fillColor('#1e2b3c').text(`${t.title}: ${dashboard.partnership.name}`);
  doc
    .font('Helvetica')
    .fontSize(10.5)
    .fillColor('#444')
    .text(`${t.period}: ${dateFormat.format(period.from)} – ${dateFormat.format(period.to)}`)
    .text(`${t.printed}: ${dateFormat.format(new Date())}`);

  heading(t.figures);
  const s = dashboard.stageCounts;
  line(`${t.active}: ${s.learn + s.test + s.establish}  (${STAGES.map((stage) => `${labels.stage[stage]}: ${s[stage]}`).join(' · ')})`);
  line(`${t.stopped}: ${dashboard.statusCounts.stopped} · ${t.completed}: ${dashboard.statusCounts.completed}`);
  line(`${t.median}: ${STAGES.map((stage) => `${labels.stage[stage]}: ${dashboard.medianDaysInStage[stage] ?? '–'}`).join(' · ')}`);
  line(`${t.matches}: ${dashboard.matches.met} / ${dashboard.matches.offers}`);

  heading(t.byFocus);
  for (const row of dashboard.byFocusArea) {
    line(`${row.focusArea?.name ?? t.none}: ${STAGES.map((stage) => `${labels.stage[stage]} ${row[stage]}`).join(' · ')}`);
  }

  heading(t.byOrg);
  for (const o of dashboard.byOrganization) {
    line(`${o.organization.name}: ${o.projects} ${t.projects}, ${o.answersGiven} ${t.given}, ${o.answersReceived} ${t.received}`);
  }

  if (dashboard.indicators.length > 0) {
    heading(t.indicators);
    for (const i of dashboard.indicators) {
      line(`${i.name}: ${i.progress === null ? t.notMeasured : `${Math.round(i.progress * 100)} %`}`);
    }
  }

  heading(t.byStage);
  if (projects.length === 0) line(t.noProjects);
  for (const stage of STAGES) {
    const inStage = projects.filter((p) => p.stage === stage);
    if (inStage.length === 0) continue;
    doc.moveDown(0.4).font('Helvetica-Bold').fontSize(11.5).fillColor('#1e2b3c').text(`${labels.stage[stage]} (${inStage.length})`);
    for (const p of inStage) {
      doc.moveDown(0.2).font('Helvetica-Bold').fontSize(10.5).fillColor('#222').text(p.title, { continued: false });
      doc.font('Helvetica').fontSize(9.5).fillColor('#444').text(p.participants);
      if (p.rationale) {
        doc.font('Helvetica-Oblique').text(`${t.latest}${p.decidedAt ? ` (${dateFormat.format(p.decidedAt)})` : ''}: ${p.rationale}`);
      }
    }
  }
  doc.end();
  return done;
}
