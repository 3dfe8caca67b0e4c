import { Foundation1764144000000 } from './1764144000000-foundation';
import { Collaboration1764230400000 } from './1764230400000-collaboration';
import { DashboardCounters1764316800000 } from './1764316800000-dashboard-counters';
import { DataVersions1764403200000 } from './1764403200000-data-versions';
import { DecisionKinds1764489600000 } from './1764489600000-decision-kinds';
import { RateLimits1764662400000 } from './1764662400000-rate-limits';
import { AuthSessions1764748800000 } from './1764748800000-auth-sessions';
import { Learning1796092637296 } from './1796092637296-learning';
import { MeasuringGains1796092660656 } from './1796092660656-measuring-gains';
import { PeopleAndAudit1796092780041 } from './1796092780041-people-and-audit';
import { ListOrderIndexes1796093164491 } from './1796093164491-list-order-indexes';
import { SessionDevices1796098191643 } from './1796098191643-session-devices';
import { SingleSignOn1796098407678 } from './1796098407678-single-sign-on';
import { NordicLanguages1796100000000 } from './1796100000000-nordic-languages';
import { PublicPartnerships1796100000001 } from './1796100000001-public-partnerships';
import { Discussion1796100000002 } from './1796100000002-discussion';
import { NotificationsVacuum1796100000003 } from './1796100000003-notifications-vacuum';
import { ProjectParticipantNames1796100000004 } from './1796100000004-project-participant-names';
import { SessionNotices1796100000005 } from './1796100000005-session-notices';

/** Every migration, oldest first. Listed explicitly so the bundled API carries them. */
export const MIGRATIONS = [
  Foundation1764144000000,
  Collaboration1764230400000,
  DashboardCounters1764316800000,
  DataVersions1764403200000,
  DecisionKinds1764489600000,
  RateLimits1764662400000,
  AuthSessions1764748800000,
  Learning1796092637296,
  MeasuringGains1796092660656,
  PeopleAndAudit1796092780041,
  ListOrderIndexes1796093164491,
  SessionDevices1796098191643,
  SingleSignOn1796098407678,
  NordicLanguages1796100000000,
  PublicPartnerships1796100000001,
  Discussion1796100000002,
  NotificationsVacuum1796100000003,
  ProjectParticipantNames1796100000004,
  SessionNotices1796100000005,
];
