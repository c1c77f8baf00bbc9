import type { Migration } from 'kysely';
import * as m0001 from './2026_11_25_000001_create_units_users_sessions';
import * as m0002 from './2026_11_25_000002_create_attempts';
import * as m0003 from './2026_11_25_000003_create_assignments';
import * as m0004 from './2026_11_25_000004_create_report_rollups';
import * as m0005 from './2026_11_26_000001_add_attempts_closed_reason';
import * as m0006 from './2026_11_30_100001_add_sessions_last_seen';
import * as m2001 from './2026_11_30_200001_add_statistics_import_choices';
import * as m300001 from './2026_11_30_300001_create_login_failures';
import * as m4001 from './2026_11_30_400001_unique_daily_reminders';
import * as m4002 from './2026_11_30_400002_add_assignment_form_token_version';
import * as m120501 from './2026_12_01_050001_add_attempts_practice_home';
import * as m121001 from './2026_12_01_100001_create_bulletins';
import * as m123001 from './2026_12_01_300001_create_authored_scenarios';
import * as m124001 from './2026_12_01_400001_index_regrade_attempts';
import * as m122001 from './2026_12_01_200001_add_assignment_auto_reminders';
import * as m125001 from './2026_12_01_500001_index_open_assessments';

/**
 * Every migration, by name. A static list (not a folder scan) so that the same set runs under tsx,
 * Vitest and the bundled Remix server alike. Names sort in the order they must run.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_25_000001_create_units_users_sessions': m0001,
  '2026_11_25_000002_create_attempts': m0002,
  '2026_11_25_000003_create_assignments': m0003,
  '2026_11_25_000004_create_report_rollups': m0004,
  '2026_11_26_000001_add_attempts_closed_reason': m0005,
  '2026_11_30_100001_add_sessions_last_seen': m0006,
  '2026_11_30_200001_add_statistics_import_choices': m2001,
  '2026_11_30_300001_create_login_failures': m300001,
  '2026_11_30_400001_unique_daily_reminders': m4001,
  '2026_11_30_400002_add_assignment_form_token_version': m4002,
  '2026_12_01_050001_add_attempts_practice_home': m120501,
  '2026_12_01_100001_create_bulletins': m121001,
  '2026_12_01_200001_add_assignment_auto_reminders': m122001,
  '2026_12_01_300001_create_authored_scenarios': m123001,
  '2026_12_01_400001_index_regrade_attempts': m124001,
  '2026_12_01_500001_index_open_assessments': m125001,
};
