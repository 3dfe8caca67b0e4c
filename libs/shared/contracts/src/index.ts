export * from './lib/auth';
export * from './lib/dashboards';
export * from './lib/errors';
export * from './lib/health';
export * from './lib/organizations';
export * from './lib/paging';
export * from './lib/partnerships';
export * from './lib/projects';
export * from './lib/questions';
export * from './lib/roles';
export * from './lib/users';
export * from './lib/measurement';
export * from './lib/benefits';
export * from './lib/follow-ups';
// Issue 9: learning that travels.
export * from './lib/lessons';
export * from './lib/practices';
export * from './lib/similar';
export * from './lib/spread';
// People, invitations, sessions and the audit trail (issue 10)
export * from './lib/audit';
export * from './lib/invitations';
export * from './lib/single-sign-on';
// Issue 13: public partnerships and open data.
export * from './lib/public';
// Discussion, follows, notifications and mail settings (issue 12)
export * from './lib/discussion';
