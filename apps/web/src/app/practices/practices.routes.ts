import type { Route } from '@angular/router';
import { pageTitle } from '../core/i18n/i18n-title-strategy';

export const practiceRoutes: Route[] = [
  {
    path: '',
    title: pageTitle('learning.practices.title'),
    loadComponent: () => import('./practices-page').then((m) => m.PracticesPage),
  },
  {
    path: 'new',
    title: pageTitle('learning.practices.newTitle'),
    loadComponent: () => import('./practice-new-page').then((m) => m.PracticeNewPage),
  },
  {
    path: ':id',
    title: pageTitle('learning.practices.pageTitle'),
    loadComponent: () => import('./practice-page').then((m) => m.PracticePage),
  },
];
