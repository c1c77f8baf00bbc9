/**
 * A new workflow needs no change in the app: one scenario of every registered workflow goes through an
 * assignment, the drill service, the follow-up, skill mastery, the readiness roster and the xAPI export.
 */
import { describe, expect, it } from 'vitest';
import { createAssignment, newAssignmentFormToken } from '../../app/models/assignment/commands.server';
import { getAssignmentFollowUp } from '../../app/models/assignment/follow-up.server';
import { listOfficerAssignments, startAssignedDrill } from '../../app/models/assignment/officer-tasks.server';
import { submitDrillStep } from '../../app/models/attempt.server';
import { listXapiStatements } from '../../app/models/xapi.server';
import { attemptFixture } from '../../scenarios/engine';
import { listScenarios } from '../../scenarios/index';
import type { PracticeHome } from '../../scenarios/types';
import { WORKFLOWS, type WorkflowId } from '../../scenarios/workflows';
import { useTestDatabase } from '../support/db';

type Db = ReturnType<typeof useTestDatabase>['db'];

const T0 = new Date('2026-03-02T01:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

// The first scenario of each workflow, in registry order.
const perWorkflow = (Object.keys(WORKFLOWS) as WorkflowId[]).map((id) => {
  const scenario = listScenarios().find((s) => s.workflow === id);
  if (!scenario) throw new Error(`workflow ${id} has no scenario`);
  return scenario;
});

async function actor(db: Db, username: string) {
  const row = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'users.role', 'units.id as unit_id', 'units.path', 'units.code'])
    .where('users.username', '=', username)
    .executeTakeFirstOrThrow();
  return { id: row.id, role: row.role, unit: { id: row.unit_id, path: row.path, code: row.code } };
}

describe('every registered workflow', () => {
  it('is assigned, drilled, scored, followed up, counted for its skill and exported as xAPI through the services', async () => {
    const { db } = useTestDatabase();
    const trainer = await actor(db, 'trainer');
    const officer = await actor(db, 'changli.officer');
    const created = await createAssignment(
      db,
      trainer,
      {
        formToken: newAssignmentFormToken(),
        title: '各流程联练',
        scenarioIds: perWorkflow.map((s) => s.id),
        unitCodes: ['130322'],
        officerUsernames: [],
        mode: 'assessment',
        passMark: 80,
        opensAt: T0.toISOString(),
        dueAt: at(7 * 24 * 60).toISOString(),
        attemptsAllowed: 1,
        note: '',
        competition: false,
      },
      T0,
    );
    if (!created.ok) throw new Error(JSON.stringify(created));

    const tasks = await listOfficerAssignments(db, officer, at(1));
    expect(tasks.map((t) => t.scenarioId).sort()).toEqual(perWorkflow.map((s) => s.id).sort());

    let minute = 2;
    for (const scenario of perWorkflow) {
      const started = await startAssignedDrill(db, officer, created.id, scenario.id, at(minute++));
      if (!started.ok) throw new Error(`${scenario.id}: ${started.reason}`);
      const { seed, practice_home_json } = await db
        .selectFrom('attempts')
        .select(['seed', 'practice_home_json'])
        .where('id', '=', started.attemptId)
        .executeTakeFirstOrThrow();
      // Assigned drills are in the officer's own name: the fixture moved to their unit's authority.
      const home = JSON.parse(practice_home_json!) as PracticeHome;
      expect(home.authority).toBe('昌黎县应急管理局');
      const answer = scenario.modelAnswer(attemptFixture({ scenarioId: scenario.id, seed, home }));
      for (const [version, step] of answer.entries()) {
        const result = await submitDrillStep(db, officer.id, started.attemptId, {
          stepId: step.stepId,
          values: step.values,
          version,
          now: at(minute++),
        });
        if (!result.ok) throw new Error(`${scenario.id} ${step.stepId}: ${result.reason}`);
      }
      const row = await db
        .selectFrom('attempts')
        .select(['status', 'score', 'passed'])
        .where('id', '=', started.attemptId)
        .executeTakeFirstOrThrow();
      expect(row, scenario.id).toMatchObject({ status: 'finished', score: 100, passed: 1 });
    }

    // The follow-up counts the officer as passed on the whole assignment.
    const followUp = (await getAssignmentFollowUp(
      db,
      trainer.unit,
      created.id,
      { status: 'all', page: 1 },
      at(minute),
    ))!;
    expect(followUp.totals).toMatchObject({ completed: 1, passed: 1 });

    // Each skill the scenarios train has the pass recorded in the officer's mastery rollup.
    const mastery = await db.selectFrom('skill_mastery').selectAll().where('user_id', '=', officer.id).execute();
    for (const skill of new Set(perWorkflow.map((s) => s.skill)))
      expect(
        mastery.some((m) => m.skill === skill),
        skill,
      ).toBe(true);

    // The xAPI export has the attempt, completion and pass of every scenario.
    const statements = await listXapiStatements(db, trainer.unit, { from: '2026-03-01', to: '2026-03-31' });
    for (const scenario of perWorkflow) {
      const verbs = statements
        .filter((s) => s.object.id.endsWith(`/${scenario.id}`))
        .map((s) => s.verb.id.split('/').pop());
      expect(verbs, scenario.id).toEqual(['attempted', 'completed', 'passed']);
    }
  }, 60_000);
});
