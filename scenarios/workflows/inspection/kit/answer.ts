/** The model answer of an inspection fixture, the events that preset its findings, and answers with other outcomes. */
import { standardItem } from '../../../lib/hazard-standard';
import type { AnswerStep } from '../../../types';
import type { InspectionEvent } from '../machine';
import { addDays } from '../../../law/working-days';
import { withValues } from '../../../kit/answers';
import { onWorkingDay } from '../../../kit/people';
import { hazardItems, majorItems, validOfficers, VERDICT_TEXT, type InspectionFixture } from './fixture';

export const orderDeadline = (f: InspectionFixture) => addDays(f.inspectionOn, f.rectifyDays);
export const recheckDate = (f: InspectionFixture) => onWorkingDay(addDays(orderDeadline(f), 1));

function recordSummary(f: InspectionFixture): string {
  const found = hazardItems(f).map(
    (i, n) =>
      `${n + 1}. ${i.area}：${i.observation}（${VERDICT_TEXT[i.verdict]}${i.clause ? `，${standardItem(i.clause).citation}` : ''}；违反${i.basis}）`,
  );
  return `对${f.enterprise.name}进行现场检查，检查了${f.items.map((i) => i.area).join('、')}。发现问题：${found.join('；')}`.slice(
    0,
    2000,
  );
}

/** Model answers for each step of the inspection workflow. */
export function inspectionModelAnswer(f: InspectionFixture, from: 'plan' | 'record' = 'plan'): AnswerStep[] {
  const all: AnswerStep[] = [
    { stepId: 'plan', values: { plannedOn: f.plannedOn, itemIds: f.items.map((i) => i.id) } },
    {
      stepId: 'start',
      values: {
        startedOn: f.inspectionOn,
        officerIds: validOfficers(f)
          .slice(0, 2)
          .map((o) => o.id),
        certificatesShown: 'on',
      },
    },
    {
      stepId: 'findings',
      values: Object.fromEntries(
        f.items.flatMap((i) => [
          [`verdict_${i.id}`, i.verdict],
          [`clause_${i.id}`, i.clause ?? ''],
        ]),
      ),
    },
    {
      stepId: 'record',
      values: {
        date: f.inspectionOn,
        startedAt: `${f.inspectionOn}T${f.inspectionTimes.start}`,
        endedAt: `${f.inspectionOn}T${f.inspectionTimes.end}`,
        summary: recordSummary(f),
        signature: f.signature,
        ...(f.signature === 'refused' ? { refusalReported: 'on' } : {}),
      },
    },
    ...(majorItems(f).length > 0
      ? [
          {
            stepId: 'measures',
            values: {
              date: f.inspectionOn,
              itemIds: majorItems(f).map((i) => i.id),
              measures: [...new Set(majorItems(f).flatMap((i) => i.measures.slice(0, 1)))],
              // Until the rectification deadline: the order that follows gives the same date.
              until: orderDeadline(f),
            },
          },
        ]
      : []),
    {
      stepId: 'order',
      values: { date: f.inspectionOn, itemIds: hazardItems(f).map((i) => i.id), deadline: orderDeadline(f) },
    },
    { stepId: 'recheck', values: { date: recheckDate(f), rectifiedItemIds: f.recheck.rectifiedItemIds } },
  ];
  return from === 'plan' ? all : all.slice(all.findIndex((s) => s.stepId === 'record'));
}

/** Events that put an inspection-document scenario at the point where documents are due. */
export function presetThroughFindings(f: InspectionFixture, at: string): InspectionEvent[] {
  const team = validOfficers(f)
    .slice(0, 2)
    .map((o) => o.id);
  return [
    { type: 'officer.createPlan', at, plannedOn: f.plannedOn, itemIds: f.items.map((i) => i.id) },
    { type: 'officer.startInspection', at, startedOn: f.inspectionOn, officerIds: team, certificatesShown: true },
    {
      type: 'officer.recordFindings',
      at,
      findings: f.items.map((i) => ({ itemId: i.id, verdict: i.verdict, clause: i.clause })),
    },
  ];
}

/** Answers that reach the other outcomes of the workflow (for model-based tests and trainers). */
export function inspectionAlternatives(f: InspectionFixture, model: AnswerStep[]): AnswerStep[][] {
  const allOk = Object.fromEntries(
    f.items.flatMap((i) => [
      [`verdict_${i.id}`, 'ok'],
      [`clause_${i.id}`, ''],
    ]),
  );
  const alternatives: AnswerStep[][] = [];
  if (model.some((s) => s.stepId === 'findings')) {
    alternatives.push([
      ...withValues(model, 'findings', allOk).filter((s) => ['plan', 'start', 'findings', 'record'].includes(s.stepId)),
      { stepId: 'closeNoHazards', values: { date: f.inspectionOn } },
    ]);
  }
  const rectifiedAll = hazardItems(f).map((i) => i.id);
  const rectifiedNone: string[] = [];
  alternatives.push(
    withValues(model, 'recheck', {
      rectifiedItemIds: f.recheck.rectifiedItemIds.length === rectifiedAll.length ? rectifiedNone : rectifiedAll,
    }),
  );
  return alternatives;
}
