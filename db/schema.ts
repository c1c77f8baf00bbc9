import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Levels of the jurisdiction tree: 省 → 市 → 县级执法单位 (county-level enforcement unit). */
export const UNIT_LEVELS = ['province', 'city', 'county'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** 执法人员 / 培训员 / 管理员(分管领导) / 系统管理员. */
export const ROLES = ['officer', 'trainer', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface UnitTable {
  id: Generated<number>;
  /** GB/T 2260 division code, or `{cityCode}-{NN}` for units that are not divisions (市本级, 开发区). */
  code: string;
  name: string;
  level: UnitLevel;
  parent_id: number | null;
  /**
   * Materialized path of ids, `/1/4/27/`: a subtree is one index range scan
   * (`path >= p AND path < p || '~'`).
   */
  path: string;
  /** 1 when `code` is a GB/T 2260 division code. */
  is_division: 0 | 1;
  sort_order: number;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  unit_id: number;
  /** argon2id PHC string; null for officers on record who have no login yet. */
  password_hash: string | null;
  disabled: Generated<0 | 1>;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface SessionTable {
  /** Random, unguessable; the cookie carries only this. */
  id: string;
  user_id: number;
  created_at: Generated<string>;
  /** Absolute end (14 days after login). */
  expires_at: string;
  /** Last use, refreshed at most every few minutes; null = not since created_at (idle timeout). */
  last_seen_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_user_id: number | null;
  action: string;
  target_type: string;
  target_id: string;
  /** JSON text. */
  detail: string;
  created_at: Generated<string>;
}

/** A failed login (wrong password, unknown or disabled account), for throttling; purged after a day. */
export interface LoginFailureTable {
  id: Generated<number>;
  /** As typed, whether or not such a user exists. */
  username: string;
  /** The client address (IPv6 by /64), or null when the server cannot tell. */
  address: string | null;
  created_at: string;
}

export type AttemptMode = 'practice' | 'assessment';

export interface AttemptTable {
  id: Generated<number>;
  user_id: number;
  scenario_id: string;
  scenario_version: number;
  /** onboarding | inspection | documents | case (denormalised for rollups). */
  skill: string;
  seed: string;
  mode: AttemptMode;
  status: Generated<'active' | 'finished'>;
  pass_mark: Generated<number>;
  /** Number of stored events; a submission must name it (optimistic concurrency). */
  event_count: Generated<number>;
  /** Cache of the engine's AttemptState after `event_count` events (JSON). */
  state_json: string;
  started_at: string;
  deadline: string | null;
  finished_at: string | null;
  score: number | null;
  passed: 0 | 1 | null;
  hints_used: Generated<number>;
  /** JSON array of the rubric error codes lost. */
  error_codes: Generated<string>;
  created_at: Generated<string>;
  /** The assignment the attempt was started from (it counts against its attempts allowed), or null. */
  assignment_id: number | null;
  /**
   * Set when the system ended the attempt without a score ('scenarioUpdated': its scenario changed
   * version while it was unfinished); status is then 'finished' and score null. Null otherwise.
   */
  closed_reason: ClosedReason | null;
  /**
   * The officer's practice home the attempt was started with (scenarios/types.ts `PracticeHome`, JSON):
   * the fixture and documents are in that authority's name. Null: the scenario's own county (older attempts).
   */
  practice_home_json: string | null;
}

/** Why the system closed an attempt: its scenario was updated to a new version before it finished. */
export type ClosedReason = 'scenarioUpdated';

export interface AttemptEventTable {
  attempt_id: number;
  seq: number;
  at: string;
  /** One engine AttemptEvent (JSON). */
  event_json: string;
  /** The raw form values of a step event (JSON), for display only. */
  form_values_json: string | null;
  created_at: Generated<string>;
}

export interface SkillMasteryTable {
  user_id: number;
  skill: string;
  attempts: Generated<number>;
  best_score: number | null;
  last_attempt_at: string | null;
  last_pass_at: string | null;
  /** JSON array of { seed, at } assessment passes within the mastery window. */
  passes_json: Generated<string>;
  mastered_until: string | null;
}

export interface AssignmentTable {
  id: Generated<number>;
  title: string;
  created_by: number | null;
  /** The creator's unit: the assignment is followed up within that unit's subtree. */
  owner_unit_id: number;
  mode: AttemptMode;
  pass_mark: number;
  opens_at: string;
  /** Due date for everyone; later dates for one unit or officer are in assignment_extensions. */
  due_at: string;
  attempts_allowed: number;
  note: string;
  /** 比武: an assessment where every competitor gets `competition_seed`, ranked when it closes. */
  is_competition: Generated<0 | 1>;
  competition_seed: string | null;
  closed_at: string | null;
  created_at: Generated<string>;
  /** The token of the form that created it (a repeated POST of that form finds it). */
  form_token: string | null;
  /** Moves on with every extension; forms carry the version they were built on. */
  version: Generated<number>;
  /** Days before each officer's due date at which the app reminds them by itself (0: never). */
  remind_days_before: Generated<number>;
}

export interface AssignmentScenarioTable {
  assignment_id: number;
  scenario_id: string;
  position: number;
}

/** Exactly one of unit_id (that unit's whole subtree, resolved at read time) or user_id. */
export interface AssignmentTargetTable {
  id: Generated<number>;
  assignment_id: number;
  unit_id: number | null;
  user_id: number | null;
}

export interface AssignmentExtensionTable {
  id: Generated<number>;
  assignment_id: number;
  unit_id: number | null;
  user_id: number | null;
  due_at: string;
  reason: string;
  created_by: number | null;
  created_at: Generated<string>;
}

export interface AssignmentReminderTable {
  id: Generated<number>;
  assignment_id: number;
  user_id: number;
  message: string;
  sent_by: number | null;
  created_at: string;
  /** Sent by the app itself: the due date it announced. Null for a trainer's reminder. */
  automatic_for_due: string | null;
}

export interface Database {
  units: UnitTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  login_failures: LoginFailureTable;
  attempts: AttemptTable;
  attempt_events: AttemptEventTable;
  skill_mastery: SkillMasteryTable;
  assignments: AssignmentTable;
  assignment_scenarios: AssignmentScenarioTable;
  assignment_targets: AssignmentTargetTable;
  assignment_extensions: AssignmentExtensionTable;
  assignment_reminders: AssignmentReminderTable;
  officer_activity: OfficerActivityTable;
  skill_passes: SkillPassTable;
  mistake_counts: MistakeCountTable;
  statistics_imports: StatisticsImportTable;
  real_statistics: RealStatisticsTable;
  unit_aliases: UnitAliasTable;
  bulletins: BulletinTable;
  authored_scenarios: AuthoredScenarioTable;
  scenario_versions: ScenarioVersionTable;
  scenario_regrades: ScenarioRegradeTable;
  scenario_regrade_attempts: ScenarioRegradeAttemptTable;
}

/** Rollup: a day on which an officer drilled (YYYY-MM-DD, China time). */
export interface OfficerActivityTable {
  user_id: number;
  day: string;
}

/** Rollup: one assessment pass (mastery history). */
export interface SkillPassTable {
  user_id: number;
  skill: string;
  seed: string;
  passed_at: string;
  attempt_id: number;
}

/** Rollup: how often an officer lost a rubric item (by its stable error code). */
export interface MistakeCountTable {
  user_id: number;
  code: string;
  count: Generated<number>;
  last_at: string;
}

export interface StatisticsImportTable {
  id: Generated<number>;
  user_id: number;
  scope_unit_id: number;
  file_name: string;
  period_year: number;
  status: Generated<'pending' | 'committed' | 'discarded'>;
  /** JSON array of the parsed rows (see app/validation/statistics.ts). */
  rows_json: string;
  /** JSON object of the manager's choices while pending: `row-{index}` → unit code or 'skip'. */
  choices_json: Generated<string>;
  created_at: Generated<string>;
  committed_at: string | null;
}

/** One unit's figures from the real 互联网+执法 system (在线执法统计口径) for a year. */
export interface RealStatisticsTable {
  import_id: number;
  unit_id: number;
  period_year: number;
  source_name: string;
  officers_on_record: number;
  enterprises_onboarded: number;
  inspections: number;
  hazards: number;
  major_hazards: number;
  cases: number;
  penalties_wan: number;
  documents: number;
  participating_officers: number;
}

export interface UnitAliasTable {
  alias: string;
  unit_id: number;
}

export type Unit = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Session = Selectable<SessionTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type Attempt = Selectable<AttemptTable>;
export type SkillMastery = Selectable<SkillMasteryTable>;
export type Assignment = Selectable<AssignmentTable>;

/** An issued weekly 通报: its number and the content frozen at issue time (JSON, app/models/bulletin.server.ts). */
export interface BulletinTable {
  id: Generated<number>;
  scope_unit_id: number;
  /** The year of issue (China time) and the sequence within it, per issuing unit. */
  year: number;
  seq: number;
  /** As printed, e.g. 练兵通报〔2026〕第3期. */
  number: string;
  /** Monday and Sunday of the week, YYYY-MM-DD. */
  period_from: string;
  period_to: string;
  issued_at: string;
  /** The manager or admin who issued it; null when the weekly schedule did. */
  issued_by: number | null;
  content_json: string;
}
export type Bulletin = Selectable<BulletinTable>;

/** 自编场景: a trainer's scenario (issue 16, app/models/scenario-library.server.ts). */
export interface AuthoredScenarioTable {
  /** `custom-` and random hex; never a built-in's id. */
  id: string;
  unit_id: number;
  author_id: number;
  /** A workflow id of scenarios/workflows and a skill (denormalised from the definition). */
  workflow: string;
  skill: string;
  title: string;
  /** draft: never published; published: a version is live; retired: kept for history, no new attempts. */
  status: Generated<AuthoredScenarioStatus>;
  /** The latest published version, or null before the first. */
  published_version: number | null;
  /** The working definition (JSON, scenarios/authoring/spec.ts input), or null when none is pending. */
  draft_json: string | null;
  /** The publish gate's last verdict on the draft (JSON), or null when unchecked since the last edit. */
  draft_check_json: string | null;
  based_on: string | null;
  created_at: string;
  updated_at: string;
  retired_at: string | null;
}
export type AuthoredScenarioStatus = 'draft' | 'published' | 'retired';

/** A published version of a trainer's scenario; never changes (attempts replay under it). */
export interface ScenarioVersionTable {
  scenario_id: string;
  version: number;
  spec_json: string;
  published_at: string;
  published_by: number;
}

/** An applied regrade: the attempts of a period and subtree re-scored under `to_version`. */
export interface ScenarioRegradeTable {
  id: Generated<number>;
  scenario_id: string;
  to_version: number;
  scope_unit_id: number;
  period_from: string;
  period_to: string;
  applied_by: number;
  applied_at: string;
  summary_json: string;
}

/** One attempt a regrade moved, with its version and score before and after. */
export interface ScenarioRegradeAttemptTable {
  regrade_id: number;
  attempt_id: number;
  from_version: number;
  from_score: number | null;
  from_passed: number | null;
  to_score: number | null;
  to_passed: number | null;
}
