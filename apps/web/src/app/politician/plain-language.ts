import type { PartnershipDashboard } from '@samspill/contracts';
import type { I18n } from '../core/i18n/i18n';
import { counted } from '../dashboard/counted';
import { recentMonths } from '../dashboard/recent-months';
import { STAGES, STAGE_NAME } from '../dashboard/stage-names';

/** The dashboard's figures as short sentences, grouped as the politician's page shows them. */
export interface PlainSummary {
  members: string;
  /** How many projects are under way, and in which stage. */
  now: string[];
  /** What has been completed or stopped. */
  closed: string[];
  /** Stage changes over the last year and typical time in each stage. */
  pace: string[];
  focusAreas: string[];
  organizations: string[];
  offers: string;
  /** Null when no project has indicators. */
  indicators: string | null;
}

export function plainSummary(d: PartnershipDashboard, i18n: I18n, now = new Date()): PlainSummary {
  const active = STAGES.reduce((sum, stage) => sum + d.stageCounts[stage], 0);
  const stageSentences = STAGES.filter((stage) => d.stageCounts[stage] > 0).map((stage) => {
    const count = d.stageCounts[stage];
    if (count < active) return i18n.t(`politician.stageSome.${stage}`, { count: i18n.formatNumber(count) });
    return i18n.t(active === 1 ? `politician.stageOnly.${stage}` : `politician.stageAll.${stage}`);
  });

  const { completed, stopped } = d.statusCounts;
  const closed = [
    ...(completed > 0 ? [counted(i18n, completed, { one: 'politician.completedOne', other: 'politician.completedOther' })] : []),
    ...(stopped > 0 ? [counted(i18n, stopped, { one: 'politician.stoppedOne', other: 'politician.stoppedOther' })] : []),
  ];

  const changes = recentMonths(d.transitionsByMonth, now).reduce((sum, m) => sum + m.count, 0);
  const medians = STAGES.flatMap((stage) => {
    const days = d.medianDaysInStage[stage];
    if (days === null) return [];
    return [
      counted(
        i18n,
        Math.round(days),
        { one: 'politician.medianOne', other: 'politician.medianOther' },
        { stage: i18n.t(STAGE_NAME[stage]) },
      ),
    ];
  });

  const reached = d.indicators.filter((indicator) => indicator.progress !== null && indicator.progress >= 1).length;

  return {
    members: i18n.t('politician.members', {
      names: new Intl.ListFormat(i18n.locale(), { type: 'conjunction' }).format(d.byOrganization.map((o) => o.organization.name)),
    }),
    now: [
      counted(i18n, active, { zero: 'politician.active.zero', one: 'politician.active.one', other: 'politician.active.other' }),
      ...stageSentences,
    ],
    closed: closed.length > 0 ? closed : [i18n.t('politician.noneClosed')],
    pace: [
      counted(i18n, changes, {
        zero: 'politician.transitionsZero',
        one: 'politician.transitionsOne',
        other: 'politician.transitionsOther',
      }),
      ...medians,
    ],
    focusAreas: d.byFocusArea.map((row) =>
      counted(
        i18n,
        STAGES.reduce((sum, stage) => sum + row[stage], 0),
        { zero: 'politician.focusZero', one: 'politician.focusOne', other: 'politician.focusOther' },
        { name: row.focusArea?.name ?? i18n.t('dashboard.focusAreas.none') },
      ),
    ),
    organizations: d.byOrganization.map((row) =>
      counted(
        i18n,
        row.projects,
        { zero: 'politician.organizationZero', one: 'politician.organizationOne', other: 'politician.organizationOther' },
        { name: row.organization.name },
      ),
    ),
    offers:
      d.matches.offers === 0
        ? i18n.t('politician.offersZero')
        : counted(
            i18n,
            d.matches.offers,
            { one: 'politician.offersOne', other: 'politician.offersOther' },
            { met: i18n.formatNumber(d.matches.met) },
          ),
    indicators:
      d.indicators.length === 0
        ? null
        : counted(
            i18n,
            d.indicators.length,
            { one: 'politician.indicatorsOne', other: 'politician.indicatorsOther' },
            {
              reached: i18n.formatNumber(reached),
            },
          ),
  };
}
