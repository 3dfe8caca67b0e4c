export * from './lib/character-count/character-count';
export * from './lib/charts/bar-chart';
export * from './lib/charts/chart-datum';
export * from './lib/choice-group/choice-group';
export * from './lib/error-summary/error-summary';
export * from './lib/field/field';
export * from './lib/language-switcher/language-switcher';
export * from './lib/match-marker/match-marker';
export * from './lib/progress-bar/progress-bar';
export * from './lib/stage-steps/stage-steps';
export * from './lib/run-chart/run-chart';
// Issue 9: search hits and lineage.
export * from './lib/lineage-drawing/lineage-drawing';
export * from './lib/snippet/snippet';
