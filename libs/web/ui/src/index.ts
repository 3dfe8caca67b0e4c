export * from './lib/character-count/character-count';
export * from './lib/charts/bar-chart';
export * from './lib/charts/chart-datum';
export * from './lib/error-summary/error-summary';
export * from './lib/language-switcher/language-switcher';
export * from './lib/match-marker/match-marker';
export * from './lib/progress-bar/progress-bar';
export * from './lib/stage-steps/stage-steps';
