import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { SKILL_LABELS } from '../../scenarios/types';
import { scenarioCatalogue } from '../models/attempt.server';
import { createAssignment, formTokenUsed, newAssignmentFormToken } from '../models/assignment/commands.server';
import { findOfficerChoices, searchOfficers } from '../models/assignment/officer-search.server';
import { requireRole } from '../models/auth.server';
import { listUnitsInSubtree } from '../models/unit.server';
import { OfficerPicker, UnitChecklist } from '../ui/assignment';
import { ErrorList, Field, SelectField } from '../ui/field';
import { getDb } from '../utils/db.server';
import { parseForm, refusal } from '../utils/forms';
import {
  createAssignmentSchema,
  DEFAULT_REMIND_DAYS_BEFORE,
  formTokenSchema,
  officerSearchSchema,
  toBeijingInput,
} from '../validation/assignment';

export const meta: MetaFunction = () => [{ title: '布置练兵任务 · 执法练兵平台' }];

const MANAGERS = ['trainer', 'admin'] as const;

const LIST_FIELDS = ['scenarioIds', 'unitCodes', 'officerPicks'] as const;
type Lists = Record<(typeof LIST_FIELDS)[number], string[]>;

/** The form's values as submitted (a POST refused, or the search's GET reload), to show them again. */
function formState(entries: URLSearchParams | FormData) {
  const values: Record<string, string> = {};
  for (const [key, value] of entries) if (typeof value === 'string' && !(key in values)) values[key] = value;
  const lists = Object.fromEntries(LIST_FIELDS.map((f) => [f, entries.getAll(f).map(String)])) as Lists;
  return { values, lists };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, MANAGERS);
  const now = Date.now();
  const db = getDb();
  const params = new URL(request.url).searchParams;
  // The search reloads the form through a GET carrying everything typed so far (no JavaScript needed).
  const { values, lists } = formState(params);
  const { q } = officerSearchSchema.parse({ q: params.get('q') ?? undefined });
  // The token the form was rendered with stays while it is unused, so the reloaded form is still
  // the same one (a double submit of it creates one assignment); a used one is replaced.
  const carried = formTokenSchema.safeParse(values.formToken);
  const formToken =
    carried.success && !(await formTokenUsed(db, user.id, carried.data)) ? carried.data : newAssignmentFormToken();
  const [units, search, picked] = await Promise.all([
    listUnitsInSubtree(db, user.unit),
    q ? searchOfficers(db, user.unit, q) : null,
    findOfficerChoices(db, user.unit, lists.officerPicks),
  ]);
  return {
    units,
    scenarios: await scenarioCatalogue(db, user),
    // Not stored until an assignment is created with it: rendering the form writes nothing.
    formToken,
    prefill: { values, lists },
    query: q ?? '',
    search,
    picked,
    defaults: {
      opensAt: toBeijingInput(new Date(now).toISOString()),
      dueAt: toBeijingInput(new Date(now + 7 * 24 * 60 * 60 * 1000).toISOString()).slice(0, 11) + '18:00',
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, MANAGERS);
  const formData = await request.formData();
  const form = parseForm(createAssignmentSchema, formData);
  // Checkbox groups: keep every ticked value (and the officers ticked, with their names) to show the form again as it was.
  const { lists } = formState(formData);
  if (!form.success) {
    const picked = await findOfficerChoices(getDb(), user.unit, lists.officerPicks);
    return data({ ...form, lists, picked }, { status: 400 });
  }
  const result = await createAssignment(getDb(), user, form.data);
  if (!result.ok) {
    const picked = await findOfficerChoices(getDb(), user.unit, lists.officerPicks);
    return data({ ...refusal(result, form.values), lists, picked }, { status: 400 });
  }
  // A repeat of a form already used lands on the assignment it created (nothing new is stored).
  throw redirect(`/assignments/${result.id}?created=1`);
}

export default function NewAssignment() {
  const {
    units,
    scenarios,
    defaults,
    formToken,
    prefill,
    query,
    search,
    picked: pickedLoaded,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.fieldErrors ?? {};
  const values: Record<string, string | undefined> = result?.values ?? prefill.values;
  const lists = result?.lists ?? prefill.lists;
  const picked = result?.picked ?? pickedLoaded;
  const navigation = useNavigation();
  const submitting = navigation.state === 'submitting' && navigation.formMethod?.toLowerCase() === 'post';
  return (
    <>
      <nav className="breadcrumb">
        <Link to="/assignments">练兵任务</Link> › <span aria-current="page">布置任务</span>
      </nav>
      <h1>布置练兵任务</h1>
      <Form method="post" className="form-card form-card--wide" noValidate>
        {/* The default button (Enter in any field): reloads the form as typed, never creates by accident. */}
        <button
          type="submit"
          formMethod="get"
          formAction="/assignments/new"
          formNoValidate
          tabIndex={-1}
          aria-hidden="true"
          style={{
            position: 'absolute',
            width: 1,
            height: 1,
            overflow: 'hidden',
            clip: 'rect(0 0 0 0)',
            border: 0,
            padding: 0,
          }}
        />
        {/* After a refusal nothing was created, so the token the form was sent with is still unused (unless it was the fault). */}
        <input
          type="hidden"
          name="formToken"
          value={result && !errors.formToken ? (result.values.formToken ?? formToken) : formToken}
        />
        <ErrorList errors={[...(result?.formErrors ?? []), ...(errors.formToken ?? [])]} />
        <Field
          label="任务名称"
          name="title"
          defaultValue={values.title}
          errors={errors.title}
          help="不填则以场景名称命名"
        />
        <fieldset className="field field--choices" aria-invalid={errors.scenarioIds?.length ? true : undefined}>
          <legend>练兵场景</legend>
          {scenarios.map((s) => (
            <label key={s.id} className="choice">
              <input
                type="checkbox"
                name="scenarioIds"
                value={s.id}
                defaultChecked={lists.scenarioIds.includes(s.id)}
              />
              <span>
                {s.title}{' '}
                <span className="muted small">
                  · {SKILL_LABELS[s.skill]} · 约 {s.estimatedMinutes} 分钟
                </span>{' '}
                <Link to={`/catalogue/${s.id}`} className="small">
                  查看
                </Link>
              </span>
            </label>
          ))}
          <ErrorList id="field-scenarioIds-error" errors={errors.scenarioIds} />
        </fieldset>
        <UnitChecklist units={units} selected={lists.unitCodes} errors={errors.unitCodes} />
        <OfficerPicker query={query} search={search} picked={picked} />
        <div className="field">
          <label htmlFor="field-officerUsernames">指定执法人员（用户名）</label>
          <textarea
            id="field-officerUsernames"
            name="officerUsernames"
            rows={2}
            defaultValue={values.officerUsernames}
            aria-invalid={errors.officerUsernames?.length ? true : undefined}
            aria-describedby={errors.officerUsernames?.length ? 'field-officerUsernames-error' : undefined}
          />
          <p className="field__help">可选；多个用户名以空格、逗号或换行分隔。与所选单位合并，不会重复。</p>
          <ErrorList id="field-officerUsernames-error" errors={errors.officerUsernames} />
        </div>
        <SelectField
          label="方式"
          name="mode"
          defaultValue={values.mode ?? 'assessment'}
          errors={errors.mode}
          options={[
            { value: 'assessment', label: '考核（结束后才显示成绩，限时）' },
            { value: 'practice', label: '练习（每步反馈，可用提示）' },
          ]}
        />
        <div className="choice">
          <input
            type="checkbox"
            id="field-competition"
            name="competition"
            defaultChecked={values.competition === 'on'}
          />
          <label htmlFor="field-competition">
            作为比武：所有选手使用同一套案例（开放时才生成可见），截止后公布个人和单位排名
          </label>
        </div>
        <ErrorList id="field-competition-error" errors={errors.competition} />
        <Field
          label="合格分数线"
          name="passMark"
          type="number"
          min={0}
          max={100}
          defaultValue={values.passMark ?? '80'}
          errors={errors.passMark}
          help="0–100，默认 80"
        />
        <Field
          label="开始时间"
          name="opensAt"
          type="datetime-local"
          defaultValue={values.opensAt ?? defaults.opensAt}
          errors={errors.opensAt}
          help="北京时间"
        />
        <Field
          label="截止时间"
          name="dueAt"
          type="datetime-local"
          defaultValue={values.dueAt ?? defaults.dueAt}
          errors={errors.dueAt}
          help="北京时间，须晚于开始时间"
        />
        <Field
          label="允许次数"
          name="attemptsAllowed"
          type="number"
          min={1}
          max={20}
          defaultValue={values.attemptsAllowed ?? '3'}
          errors={errors.attemptsAllowed}
          help="每个场景每人可开始的次数，1–20"
        />
        <Field
          label="自动提醒（截止前天数）"
          name="remindDaysBefore"
          type="number"
          min={0}
          max={30}
          defaultValue={values.remindDaysBefore ?? String(DEFAULT_REMIND_DAYS_BEFORE)}
          errors={errors.remindDaysBefore}
          help="截止前这么多天，系统自动提醒尚未合格的执法人员（站内提醒，每个截止时间提醒一次）；0 为不自动提醒"
        />
        <div className="field">
          <label htmlFor="field-note">说明</label>
          <textarea
            id="field-note"
            name="note"
            rows={3}
            defaultValue={values.note}
            aria-invalid={errors.note?.length ? true : undefined}
          />
          <ErrorList errors={errors.note} />
        </div>
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? '正在布置…' : '布置任务'}
        </button>
      </Form>
    </>
  );
}
