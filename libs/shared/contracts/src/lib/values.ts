/**
 * The enumerations of the contract, free of class-validator so the web app
 * can import them (through `@samspill/contracts/values`) without pulling the
 * request DTOs into its bundle.
 */
export const ROLES = ['staff', 'leader', 'politician', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The languages of Samspill, bokmål first (the default for anyone who has not chosen). */
export const LOCALES = ['nb', 'nn', 'da', 'sv', 'fi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
/** The language of anyone who has not chosen one, and of every unsupported or bogus request. */
export const DEFAULT_LOCALE: Locale = 'nb';

export const ORGANIZATION_KINDS = ['municipality', 'state_agency', 'county', 'academia', 'other'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const COUNTRIES = ['NO', 'DK', 'SE', 'FI', 'IS'] as const;
export type Country = (typeof COUNTRIES)[number];

/** `public` (issue 13): anyone reads it without signing in; every signed-in user too, as with `platform`. */
export const VISIBILITIES = ['members', 'platform', 'public'] as const;
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

// --- Measurement, benefits and holding the gains (issue 11) ---

/** No measurement or benefit is dated before this day. */
export const EARLIEST_DATE = '1990-01-01';

export const BENEFIT_KINDS = ['time', 'money', 'quality', 'other'] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];

/** `fte` = årsverk; the currencies by ISO 4217. Amounts in different units are never added together. */
export const BENEFIT_UNITS = ['fte', 'hours', 'nok', 'dkk', 'sek', 'eur', 'isk', 'count'] as const;
export type BenefitUnit = (typeof BENEFIT_UNITS)[number];

/** What a leader says when a follow-up asks whether the new practice still holds. */
export const FOLLOW_UP_ANSWERS = ['held', 'slipped', 'abandoned'] as const;
export type FollowUpAnswer = (typeof FOLLOW_UP_ANSWERS)[number];

/** `upcoming` and `due` are unanswered follow-ups before and from their day. */
export const FOLLOW_UP_STATUSES = ['upcoming', 'due', ...FOLLOW_UP_ANSWERS] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** Months after the move into `establish` at which each participant is asked. */
export const FOLLOW_UP_MONTHS = [6, 12, 24] as const;

export const SIGNAL_RULES = ['shift', 'trend'] as const;
export type SignalRule = (typeof SIGNAL_RULES)[number];

export const ANNOTATION_KINDS = ['stage', 'status', 'log'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export const NOTE_MAX_LENGTH = 2000;
// Issue 9: learning that travels (lessons library, practices, adoptions).
/** Where a lesson comes from: an improvement-log entry, or the rationale with which a project was stopped or completed. */
export const LESSON_SOURCES = ['log', 'closing'] as const;
export type LessonSource = (typeof LESSON_SOURCES)[number];

/** `lesson` and `result` are log entries; `stopped` and `completed` are closing rationales. */
export const LESSON_KINDS = ['lesson', 'result', 'stopped', 'completed'] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];

/** How an organisation took up a practice: as it was, or adapted (and then it says what it changed). */
export const ADOPTION_KINDS = ['copy', 'adapted'] as const;
export type AdoptionKind = (typeof ADOPTION_KINDS)[number];

export const SEARCH_MAX_LENGTH = 500;
export const SUMMARY_MAX_LENGTH = 500;
export const CHANGES_MAX_LENGTH = 5_000;
/** A title and a description, as long as they may be (what "similar work" compares). */
export const SIMILAR_TEXT_MAX_LENGTH = TITLE_MAX_LENGTH + 1 + TEXT_MAX_LENGTH;
/** Lists of lessons and practices: `?limit=` up to this, 20 by default. */
export const LEARNING_PAGE_MAX = 100;
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
  // Issues 9 and 11
  'benefit',
  'follow_up',
  'practice',
  // Issue 12
  'comment',
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
  // Issues 9 and 11
  'measurement.update',
  'measurement.delete',
  'benefit.create',
  'benefit.update',
  'follow_up.answer',
  'practice.create',
  'practice.update',
  'practice.adopt',
  // Issue 12
  'comment.create',
  'comment.update',
  'comment.delete',
  'user.settings_update',
  'user.unsubscribe',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

// --- Public partnerships and open data (issue 13) ---

/** The licence of everything under /api/public: the Norwegian licence for open government data. */
export const OPEN_DATA_LICENCE = {
  name: 'Norsk lisens for offentlige data (NLOD) 2.0',
  id: 'NLOD-2.0',
  url: 'https://data.norge.no/nlod/no/2.0',
  urlEn: 'https://data.norge.no/nlod/en/2.0',
} as const;

/** The columns of a public partnership's data.csv, in order; the web app's /offentlig/data describes each. */
export const OPEN_DATA_COLUMNS = [
  'record_type',
  'id',
  'partnership_id',
  'project_id',
  'name',
  'text',
  'organizations',
  'stage',
  'status',
  'date',
  'unit',
  'baseline',
  'target',
  'latest',
  'progress',
] as const;
// Issue 12: discussion, notifications and mail.
/** What notifications are about. */
export const NOTIFICATION_KINDS = ['mention', 'reply', 'comment', 'stage', 'status', 'answer', 'adoption', 'follow_up'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What has a thread, and what a person may follow. */
export const FOLLOW_ENTITY_TYPES = ['project', 'practice', 'partnership'] as const;
export type FollowEntityType = (typeof FOLLOW_ENTITY_TYPES)[number];

export const DIGEST_FREQUENCIES = ['off', 'daily', 'weekly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/** Which mail a one-click unsubscribe switches off. */
export const UNSUBSCRIBE_KINDS = ['digest', 'mention', 'reply'] as const;
export type UnsubscribeKind = (typeof UNSUBSCRIBE_KINDS)[number];

export const COMMENT_MAX_LENGTH = 10_000;
export const MENTIONS_MAX = 20;
export const NOTIFICATIONS_PAGE_MAX = 100;
