import type { Route } from '@angular/router';
import { pageTitle } from '../core/i18n/i18n-title-strategy';

export const projectRoutes: Route[] = [
  {
    path: '',
    title: pageTitle('projects.title'),
    loadComponent: () => import('./project-board-page').then((m) => m.ProjectBoardPage),
  },
  {
    path: ':id',
    title: pageTitle('projects.pageTitle'),
    loadComponent: () => import('./project-page').then((m) => m.ProjectPage),
  },
  // Issue 11: an indicator's run charts and measurements.
  {
    path: ':projectId/indicators/:id',
    title: pageTitle('measurement.indicatorTitle'),
    loadComponent: () => import('../measurement/indicator-page').then((m) => m.IndicatorPage),
  },
];
