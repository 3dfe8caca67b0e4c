import type { ChartSeries, Direction } from '@samspill/contracts';
import { latestSignals, signalIsImprovement, signalLength } from '@samspill/domain';
import type { I18n } from '../core/i18n/i18n';

/**
 * What a run chart's signals mean, in a sentence: the latest signal (a shift
 * before a trend that ends the same day), how many measurements made it, since
 * when, and whether it points the way the indicator should go.
 * «Seks målinger på rad under medianen siden juni 2026: et tegn på reell forbedring.»
 */
export function signalSentence(i18n: I18n, series: ChartSeries, direction: Direction): string {
  if (series.points.length === 0) return i18n.t('measurement.noPoints');
  const [latest] = latestSignals(series.signals);
  if (!latest) return i18n.t('measurement.noSignal');
  const count = signalLength(series.points, series.median, latest);
  const words = i18n.t('measurement.numberWords').split(',');
  const countText = count < words.length ? (words[count] as string) : i18n.formatNumber(count);
  const since = i18n.formatDate(`${latest.from}T12:00:00`, { month: 'long', year: 'numeric' });
  const meaning = i18n.t(signalIsImprovement(latest, direction) ? 'measurement.improvement' : 'measurement.deterioration');
  const sentence = i18n.t(latest.rule === 'shift' ? `measurement.shift.${latest.direction}` : `measurement.trend.${latest.direction}`, {
    count: countText,
    since,
    meaning,
  });
  return sentence.charAt(0).toLocaleUpperCase(i18n.locale()) + sentence.slice(1);
}
