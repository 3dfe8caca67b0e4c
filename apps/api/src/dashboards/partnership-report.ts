import type {
  ChartPoint,
  ChartSignal,
  Direction,
  FollowUpCounts,
  FollowUpStatus,
  Locale,
  PartnershipDashboard,
  Stage,
} from '@samspill/contracts';
import { STAGES } from '@samspill/contracts/values';
import { latestSignals, signalIsImprovement, signalLength } from '@samspill/domain';
import { benefitLabelsFor, labelsFor } from '../common/labels';
import { LANGUAGE_TAGS } from '../i18n/locale';
import { drawBars, drawBenefitBars, drawRunChart } from './report/report-charts';
import type { ReportText } from './report/report-text';
import { REPORT_TEXT } from './report/report-texts';
import { TaggedDocument } from './report/tagged-document';

export interface ReportProject {
  title: string;
  stage: Stage;
  participants: string;
  rationale: string | null;
  decidedAt: Date | null;
}

/** One organisation's run chart of an indicator, with the figures it is measured against. */
export interface ReportSeries {
  organization: string;
  baseline: number;
  target: number;
  points: ChartPoint[];
  median: number | null;
  signals: ChartSignal[];
}

export interface ReportIndicator {
  name: string;
  unit: string;
  direction: Direction;
  project: string;
  series: ReportSeries[];
}

export interface ReportFollowUp {
  project: string;
  organization: string;
  dueOn: string;
  status: FollowUpStatus;
  note: string | null;
}

export interface ReportData {
  dashboard: PartnershipDashboard;
  projects: ReportProject[];
  indicators: ReportIndicator[];
  followUps: ReportFollowUp[];
  period: { from: Date; to: Date };
}

/**
 * The council report: a cover with the partnership and its members and the
 * plain-language summary; the figures as vector charts with their numbers and
 * as tables; each indicator's run charts; benefits identified and realised;
 * the follow-ups; and the projects by stage with their latest rationale.
 * A tagged PDF (PDF/UA) in the reader's language, with page numbers and the date.
 */
export function renderPartnershipReport(data: ReportData, locale: Locale): Promise<Buffer> {
  const t = REPORT_TEXT[locale];
  const { dashboard: d } = data;
  const f = formats(locale);
  const title = `${t.title}: ${d.partnership.name}`;
  const pdf = new TaggedDocument({ title, subject: t.subtitle, lang: locale });
  const printed = f.date(new Date());

  pdf.section(pdf.root, (cover) => {
    pdf.heading(cover, 1, title);
    pdf.paragraph(cover, t.subtitle, { size: 12 });
    pdf.paragraph(cover, `${t.period}: ${f.date(data.period.from)} – ${f.date(data.period.to)}. ${t.printed}: ${printed}.`);
    pdf.heading(cover, 2, t.members);
    pdf.list(
      cover,
      d.byOrganization.map((o) => o.organization.name),
    );
    pdf.heading(cover, 2, t.summary);
    for (const sentence of plainSummary(data, t, f, locale)) pdf.paragraph(cover, sentence, { size: 11.5 });
  });

  pdf.doc.addPage();
  keyFigures(pdf, data, t, f, locale);
  indicators(pdf, data, t, f);
  benefits(pdf, data, t, f, locale);
  followUps(pdf, data, t, f);
  projectsByStage(pdf, data, t, f, locale);

  return pdf.finish((page, pages) => `${d.partnership.name} · ${t.page(page, pages)} · ${printed}`);
}

interface Formats {
  number: (n: number) => string;
  date: (d: Date) => string;
  day: (iso: string) => string;
  percent: (share: number) => string;
}

function formats(locale: Locale): Formats {
  const tag = LANGUAGE_TAGS[locale];
  const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  // A narrow no-break space (the thousands separator of nb-NO and others) becomes a plain one, which every reader handles.
  const clean = (s: string) => s.replace(/\u202f/g, '\u00a0');
  return {
    number: (n) => clean(number.format(n)),
    date: (d) => date.format(d),
    day: (iso) => date.format(new Date(`${iso}T00:00:00Z`)),
    percent: (share) => `${clean(number.format(Math.round(share * 100)))} %`,
  };
}

/** The politician page's sentences, and what benefits and follow-ups add to them. */
function plainSummary(data: ReportData, t: ReportText, f: Formats, locale: Locale): string[] {
  const d = data.dashboard;
  const active = STAGES.reduce((sum, stage) => sum + d.stageCounts[stage], 0);
  const now = [active === 0 ? t.active.zero : active === 1 ? t.active.one : t.active.other(f.number(active))];
  for (const stage of STAGES.filter((s) => d.stageCounts[s] > 0)) {
    const count = d.stageCounts[stage];
    now.push(count < active ? t.stageSome[stage](f.number(count)) : active === 1 ? t.stageOnly[stage] : t.stageAll[stage]);
  }
  const { completed, stopped } = d.statusCounts;
  const closed = [
    ...(completed > 0 ? [t.completed(completed, f.number(completed))] : []),
    ...(stopped > 0 ? [t.stopped(stopped, f.number(stopped))] : []),
  ];
  const benefits =
    d.benefits.length === 0
      ? [t.noBenefits]
      : d.benefits.map((b) => t.benefitsSentence(f.number(b.identified), f.number(b.realised), benefitLabelsFor(locale).unit[b.unit]));
  return [
    now.join(' '),
    (closed.length > 0 ? closed : [t.noneClosed]).join(' '),
    t.offers(f.number(d.matches.met), d.matches.offers, f.number(d.matches.offers)),
    benefits.join(' '),
    holdingSentence(d.followUps, d.followUpsAfterAYear, t, f),
  ];
}

function holdingSentence(all: FollowUpCounts, afterAYear: FollowUpCounts, t: ReportText, f: Formats): string {
  const answered = (c: FollowUpCounts) => c.held + c.slipped + c.abandoned;
  if (answered(all) === 0 && all.due === 0) return t.noFollowUps;
  const parts = [];
  if (answered(all) > 0) parts.push(t.holdsSentence(f.number(all.held), f.number(answered(all))));
  if (answered(afterAYear) > 0) parts.push(t.holdsAfterYear(f.number(afterAYear.held), f.number(answered(afterAYear))));
  if (all.due > 0) parts.push(t.dueSentence(all.due, f.number(all.due)));
  return parts.join(' ');
}

function keyFigures(pdf: TaggedDocument, data: ReportData, t: ReportText, f: Formats, locale: Locale): void {
  const d = data.dashboard;
  const labels = labelsFor(locale);
  pdf.section(pdf.root, (s) => {
    pdf.heading(s, 1, t.figures);
    const stages = STAGES.map((stage) => ({
      label: labels.stage[stage],
      value: d.stageCounts[stage],
      text: f.number(d.stageCounts[stage]),
    }));
    pdf.heading(s, 2, t.stagesCaption);
    pdf.figure(s, t.barsAlt(t.stagesCaption, stages.map((r) => `${r.label}: ${r.text}`).join(', ')), stages.length * 22, (frame) =>
      drawBars(pdf, frame, stages),
    );
    pdf.table(
      s,
      [t.stage, t.projects, t.medianDays],
      STAGES.map((stage) => [
        labels.stage[stage],
        f.number(d.stageCounts[stage]),
        d.medianDaysInStage[stage] === null ? '–' : f.number(d.medianDaysInStage[stage] as number),
      ]),
      { rowHeaders: true },
    );

    const statuses = (['active', 'stopped', 'completed'] as const).map((status) => ({
      label: labels.status[status],
      value: d.statusCounts[status],
      text: f.number(d.statusCounts[status]),
    }));
    pdf.heading(s, 2, t.statusCaption);
    pdf.figure(s, t.barsAlt(t.statusCaption, statuses.map((r) => `${r.label}: ${r.text}`).join(', ')), statuses.length * 22, (frame) =>
      drawBars(pdf, frame, statuses),
    );
    pdf.table(
      s,
      [t.status, t.projects],
      statuses.map((r) => [r.label, r.text]),
      { rowHeaders: true },
    );

    pdf.heading(s, 2, t.byFocus);
    pdf.table(
      s,
      [t.focusArea, ...STAGES.map((stage) => labels.stage[stage])],
      d.byFocusArea.map((row) => [row.focusArea?.name ?? t.none, ...STAGES.map((stage) => f.number(row[stage]))]),
      { rowHeaders: true },
    );

    pdf.heading(s, 2, t.byOrg);
    pdf.table(
      s,
      [t.organization, t.projects, t.answersGiven, t.answersReceived],
      d.byOrganization.map((o) => [o.organization.name, f.number(o.projects), f.number(o.answersGiven), f.number(o.answersReceived)]),
      { rowHeaders: true },
    );
    pdf.paragraph(s, `${t.matches}: ${f.number(d.matches.met)} / ${f.number(d.matches.offers)}.`);
  });
}

function signalSentence(series: ReportSeries, direction: Direction, t: ReportText, f: Formats): string {
  if (series.signals.length === 0) return t.noSignal;
  return latestSignals(series.signals)
    .map((sig) => {
      const n = signalLength(series.points, series.median, sig);
      const what =
        sig.rule === 'shift'
          ? t.shift(n, sig.direction === 'down', f.day(sig.from), f.day(sig.to))
          : t.trend(n, sig.direction === 'down', f.day(sig.from), f.day(sig.to));
      return `${what}: ${signalIsImprovement(sig, direction) ? t.better : t.worse}.`;
    })
    .join(' ');
}

function indicators(pdf: TaggedDocument, data: ReportData, t: ReportText, f: Formats): void {
  const d = data.dashboard;
  if (d.indicators.length === 0) return;
  pdf.doc.addPage();
  pdf.section(pdf.root, (s) => {
    pdf.heading(s, 1, t.indicators);
    pdf.paragraph(s, t.indicatorsIntro);
    const names = new Map(d.indicators.map((i) => [i.id, i.name]));
    pdf.table(
      s,
      [t.indicator, t.organization, t.progress],
      d.indicatorsByOrganization.map((row) => [
        names.get(row.indicatorId) ?? '',
        row.organization.name,
        row.progress === null ? t.notMeasured : f.percent(row.progress),
      ]),
      { rowHeaders: true },
    );
    for (const indicator of data.indicators) {
      pdf.section(s, (section) => {
        pdf.heading(section, 2, `${indicator.name} (${indicator.unit})`);
        pdf.paragraph(section, indicator.project, { font: 'italic', size: 9.5 });
        for (const series of indicator.series) {
          pdf.heading(section, 3, series.organization);
          const first = series.points[0];
          const last = series.points.at(-1);
          const alt =
            first && last
              ? `${t.runChartAlt(indicator.name, series.organization, series.points.length, f.day(first.measuredOn), f.day(last.measuredOn), f.number(series.median ?? 0), indicator.unit)} ${t.target}: ${f.number(series.target)}. ${signalSentence(series, indicator.direction, t, f)}`
              : t.noPoints(indicator.name, series.organization);
          pdf.figure(section, alt, 150, (frame) =>
            drawRunChart(pdf, frame, { ...series, target: series.target }, f.number, { median: t.median, target: t.target }),
          );
          pdf.paragraph(section, signalSentence(series, indicator.direction, t, f), { size: 10 });
          pdf.table(
            section,
            [t.date, `${series.organization} (${indicator.unit})`],
            series.points.map((p) => [f.day(p.measuredOn), f.number(p.value)]),
            { rowHeaders: true },
          );
        }
      });
    }
  });
}

function benefits(pdf: TaggedDocument, data: ReportData, t: ReportText, f: Formats, locale: Locale): void {
  const d = data.dashboard;
  const units = benefitLabelsFor(locale).unit;
  pdf.ensureSpace(220);
  pdf.section(pdf.root, (s) => {
    pdf.heading(s, 1, t.benefits);
    pdf.paragraph(s, t.benefitsIntro);
    if (d.benefits.length === 0) {
      pdf.paragraph(s, t.noBenefits);
      return;
    }
    const rows = d.benefits.map((b) => ({
      unit: units[b.unit],
      identified: b.identified,
      realised: b.realised,
      identifiedText: f.number(b.identified),
      realisedText: f.number(b.realised),
    }));
    pdf.figure(
      s,
      t.benefitsAlt(
        rows
          .map((r) => `${r.unit}: ${t.identified.toLowerCase()} ${r.identifiedText}, ${t.realised.toLowerCase()} ${r.realisedText}`)
          .join('; '),
      ),
      rows.length * 44,
      (frame) => drawBenefitBars(pdf, frame, rows, { identified: t.identified, realised: t.realised }),
    );
    const byOrganization = d.byOrganization.flatMap((o) =>
      o.benefits.map((b) => [o.organization.name, units[b.unit], f.number(b.identified), f.number(b.realised)]),
    );
    pdf.table(
      s,
      [t.organization, t.unit, t.identified, t.realised],
      [...byOrganization, ...d.benefits.map((b) => [t.total, units[b.unit], f.number(b.identified), f.number(b.realised)])],
      { rowHeaders: true },
    );
  });
}

function followUps(pdf: TaggedDocument, data: ReportData, t: ReportText, f: Formats): void {
  const d = data.dashboard;
  pdf.ensureSpace(200);
  pdf.section(pdf.root, (s) => {
    pdf.heading(s, 1, t.followUps);
    pdf.paragraph(s, t.followUpsIntro);
    pdf.paragraph(s, holdingSentence(d.followUps, d.followUpsAfterAYear, t, f));
    const row = (label: string, c: FollowUpCounts) => [
      label,
      f.number(c.due),
      f.number(c.held),
      f.number(c.slipped),
      f.number(c.abandoned),
    ];
    pdf.table(
      s,
      [t.followUpsColumn, t.due, t.answer.held, t.answer.slipped, t.answer.abandoned],
      [row(t.all, d.followUps), row(t.afterAYear, d.followUpsAfterAYear)],
      { rowHeaders: true },
    );
    if (data.followUps.length > 0) {
      pdf.table(
        s,
        [t.project, t.organization, t.dueOn, t.status, t.note],
        data.followUps.map((x) => [
          x.project,
          x.organization,
          f.day(x.dueOn),
          x.status === 'due' || x.status === 'upcoming' ? t.due : t.answer[x.status],
          x.note ?? '',
        ]),
        { rowHeaders: true, widths: ['*', 90, 80, 70, '*'] },
      );
    }
  });
}

function projectsByStage(pdf: TaggedDocument, data: ReportData, t: ReportText, f: Formats, locale: Locale): void {
  const labels = labelsFor(locale);
  pdf.ensureSpace(200);
  pdf.section(pdf.root, (s) => {
    pdf.heading(s, 1, t.byStage);
    if (data.projects.length === 0) pdf.paragraph(s, t.noProjects);
    for (const stage of STAGES) {
      const inStage = data.projects.filter((p) => p.stage === stage);
      if (inStage.length === 0) continue;
      pdf.section(s, (section) => {
        pdf.heading(section, 2, `${labels.stage[stage]} (${f.number(inStage.length)})`);
        for (const p of inStage) {
          pdf.heading(section, 3, p.title);
          pdf.paragraph(section, p.participants, { size: 9.5 });
          if (p.rationale) {
            pdf.paragraph(section, `${t.latestRationale}${p.decidedAt ? ` (${f.date(p.decidedAt)})` : ''}: ${p.rationale}`, {
              font: 'italic',
              size: 9.5,
            });
          }
        }
      });
    }
  });
}
