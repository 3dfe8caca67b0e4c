/**
 * The enumerations of the contract, free of class-validator so the web app
 * can import them (through `@samspill/contracts/values`) without pulling the
 * request DTOs into its bundle.
 */
export const ROLES = ['staff', 'leader', 'politician', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['nb', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const ORGANIZATION_KINDS = ['municipality', 'state_agency', 'county', 'academia', 'other'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const COUNTRIES = ['NO', 'DK', 'SE', 'FI', 'IS'] as const;
export type Country = (typeof COUNTRIES)[number];

export const VISIBILITIES = ['members', 'platform'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const QUESTIONS = ['theyLearnFromUs', 'weLearnFromThem', 'doTogether'] as const;
export type Question = (typeof QUESTIONS)[number];

export const STAGES = ['learn', 'test', 'establish'] as const;
export type Stage = (typeof STAGES)[number];

/** What a recorded decision changed: the project's stage, or its status (stop, complete, resume). */
export const DECISION_KINDS = ['stage', 'status'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const PROJECT_STATUSES = ['active', 'stopped', 'completed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const LOG_KINDS = ['observation', 'experiment', 'result', 'lesson', 'decision'] as const;
export type LogKind = (typeof LOG_KINDS)[number];

export const DIRECTIONS = ['increase', 'decrease'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const ANSWER_MAX_LENGTH = 2000;
export const TITLE_MAX_LENGTH = 200;
export const TEXT_MAX_LENGTH = 10_000;
export const RATIONALE_MAX_LENGTH = 5_000;
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

// --- People, invitations and the audit trail (issue 10) ---

/** An invitation is pending until it is accepted, withdrawn or past its expiry (72 hours after it was last sent). */
export const INVITATION_STATUSES = ['pending', 'accepted', 'withdrawn', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** Hours an invitation link and a password-reset link stay valid. */
export const INVITATION_VALID_HOURS = 72;
export const PASSWORD_RESET_VALID_HOURS = 1;

/** What the audit trail records changes to. */
export const AUDIT_ENTITY_TYPES = [
  'user',
  'organization',
  'invitation',
  'session',
  'partnership',
  'focus_area',
  'answer',
  'project',
  'log_entry',
  'indicator',
  'measurement',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** The actions the audit trail knows, as `<entity>.<verb>`; the trail stores them as text, so later features add their own. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.logout_all',
  'auth.session_end',
  'auth.password_change',
  'auth.password_reset_request',
  'auth.password_reset',
  'user.create',
  'user.update',
  'user.role_change',
  'user.profile_update',
  'invitation.create',
  'invitation.resend',
  'invitation.withdraw',
  'invitation.accept',
  'organization.create',
  'organization.update',
  'organization.merge',
  'partnership.create',
  'partnership.update',
  'focus_area.create',
  'focus_area.update',
  'answer.create',
  'answer.update',
  'answer.delete',
  'project.create',
  'project.update',
  'project.stage_change',
  'project.status_change',
  'log_entry.create',
  'log_entry.update',
  'indicator.create',
  'measurement.create',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
