import type { StatisticsRow } from '../app/validation/statistics';
import type { Insertable } from 'kysely';
import type { RealStatisticsTable } from './schema';

/** One parsed row of the real system's export as a `real_statistics` row (the import and the demo seed). */
export function realStatisticsValues(
  importId: number,
  unitId: number,
  periodYear: number,
  row: StatisticsRow,
): Insertable<RealStatisticsTable> {
  return {
    import_id: importId,
    unit_id: unitId,
    period_year: periodYear,
    source_name: row.unitName,
    officers_on_record: row.officersOnRecord,
    enterprises_onboarded: row.enterprisesOnboarded,
    inspections: row.inspections,
    hazards: row.hazards,
    major_hazards: row.majorHazards,
    cases: row.cases,
    penalties_wan: row.penaltiesWan,
    documents: row.documents,
    participating_officers: row.participatingOfficers,
  };
}

/** A stored `real_statistics` row back in the export's terms (for comparing a re-import). */
export function statisticsRowFromStored(
  row: Omit<RealStatisticsTable, 'import_id' | 'unit_id' | 'period_year'>,
): StatisticsRow {
  return {
    unitName: row.source_name,
    officersOnRecord: row.officers_on_record,
    enterprisesOnboarded: row.enterprises_onboarded,
    inspections: row.inspections,
    hazards: row.hazards,
    majorHazards: row.major_hazards,
    cases: row.cases,
    penaltiesWan: row.penalties_wan,
    documents: row.documents,
    participatingOfficers: row.participating_officers,
  };
}
