import type { ChartPoint, ChartSignal } from '@samspill/contracts';
import { COLORS, type TaggedDocument } from './tagged-document';

type Frame = { x: number; y: number; width: number; height: number };

/** Horizontal bars with their label and number: one row per item. */
export function drawBars(t: TaggedDocument, frame: Frame, rows: { label: string; value: number; text: string }[]): void {
  const { doc } = t;
  const labelWidth = Math.min(190, frame.width * 0.4);
  const room = frame.width - labelWidth - 70;
  const max = Math.max(1, ...rows.map((r) => r.value));
  rows.forEach((row, i) => {
    const y = frame.y + i * 22;
    t.font('regular', 9.5).text(row.label, frame.x, y + 4, { width: labelWidth - 8, lineBreak: false, ellipsis: true });
    const width = row.value > 0 ? Math.max(2, (row.value / max) * room) : 0;
    doc.rect(frame.x + labelWidth, y + 2, width, 15).fill(COLORS.bar);
    t.font('bold', 9.5).text(row.text, frame.x + labelWidth + width + 6, y + 4, { lineBreak: false });
  });
}

/** Per unit, identified against realised, each unit on its own scale: amounts in different units are never compared. */
export function drawBenefitBars(
  t: TaggedDocument,
  frame: Frame,
  rows: { unit: string; identified: number; realised: number; identifiedText: string; realisedText: string }[],
  words: { identified: string; realised: string },
): void {
  const { doc } = t;
  const labelWidth = 120;
  const room = frame.width - labelWidth - 150;
  rows.forEach((row, i) => {
    const y = frame.y + i * 44;
    const max = Math.max(row.identified, row.realised, 1e-9);
    t.font('bold', 9.5).text(row.unit, frame.x, y + 4, { width: labelWidth - 8, lineBreak: false, ellipsis: true });
    const bar = (offset: number, value: number, color: string, label: string) => {
      const width = value > 0 ? Math.max(2, (value / max) * room) : 0;
      doc.rect(frame.x + labelWidth, y + offset, width, 14).fill(color);
      t.font('regular', 9).text(label, frame.x + labelWidth + width + 6, y + offset + 2, { lineBreak: false });
    };
    bar(0, row.identified, COLORS.bar, `${words.identified}: ${row.identifiedText}`);
    bar(18, row.realised, COLORS.realised, `${words.realised}: ${row.realisedText}`);
  });
}

/**
 * A run chart: the points in time order, joined, the median as a dashed line,
 * the target as a dotted one, and the points of each signal marked larger.
 */
export function drawRunChart(
  t: TaggedDocument,
  frame: Frame,
  chart: { points: ChartPoint[]; median: number | null; signals: ChartSignal[]; target: number },
  format: (n: number) => string,
  words: { median: string; target: string },
): void {
  const { doc } = t;
  const axis = 44;
  const plot = { x: frame.x + axis, y: frame.y + 6, width: frame.width - axis - 70, height: frame.height - 30 };
  const values = [...chart.points.map((p) => p.value), chart.target, ...(chart.median === null ? [] : [chart.median])];
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (low === high) [low, high] = [low - 1, high + 1];
  const pad = (high - low) * 0.08;
  [low, high] = [low - pad, high + pad];
  const yOf = (v: number) => plot.y + plot.height - ((v - low) / (high - low)) * plot.height;
  const step = chart.points.length > 1 ? plot.width / (chart.points.length - 1) : 0;
  const xOf = (i: number) => plot.x + (chart.points.length > 1 ? i * step : plot.width / 2);

  doc.lineWidth(0.6).strokeColor(COLORS.rule);
  doc
    .moveTo(plot.x, plot.y)
    .lineTo(plot.x, plot.y + plot.height)
    .lineTo(plot.x + plot.width, plot.y + plot.height)
    .stroke();
  for (const v of [low + pad, high - pad]) {
    t.font('regular', 8, COLORS.muted).text(format(v), frame.x, yOf(v) - 4, { width: axis - 6, align: 'right', lineBreak: false });
  }
  const level = (v: number, color: string, dash: number, label: string) => {
    doc
      .save()
      .lineWidth(1)
      .strokeColor(color)
      .dash(dash, { space: dash })
      .moveTo(plot.x, yOf(v))
      .lineTo(plot.x + plot.width, yOf(v))
      .stroke()
      .undash()
      .restore();
    t.font('regular', 8, color).text(label, plot.x + plot.width + 4, yOf(v) - 4, { width: 66, lineBreak: false });
  };
  level(chart.target, COLORS.realised, 1.5, `${words.target} ${format(chart.target)}`);
  if (chart.median !== null) level(chart.median, COLORS.median, 4, `${words.median} ${format(chart.median)}`);

  if (chart.points.length > 1) {
    doc.lineWidth(1.4).strokeColor(COLORS.bar);
    chart.points.forEach((p, i) => (i === 0 ? doc.moveTo(xOf(i), yOf(p.value)) : doc.lineTo(xOf(i), yOf(p.value))));
    doc.stroke();
  }
  const inSignal = (p: ChartPoint) => chart.signals.some((s) => p.measuredOn >= s.from && p.measuredOn <= s.to);
  chart.points.forEach((p, i) => {
    if (inSignal(p)) doc.circle(xOf(i), yOf(p.value), 3.6).fill(COLORS.signal);
    else doc.circle(xOf(i), yOf(p.value), 2.4).fill(COLORS.bar);
  });
  const first = chart.points[0];
  const last = chart.points.at(-1);
  if (first) t.font('regular', 8, COLORS.muted).text(first.measuredOn, plot.x - 20, plot.y + plot.height + 6, { lineBreak: false });
  if (last && last !== first) {
    t.font('regular', 8, COLORS.muted).text(last.measuredOn, plot.x + plot.width - 30, plot.y + plot.height + 6, { lineBreak: false });
  }
}
