import { Form } from '@remix-run/react';
import { useState, type FormEvent, type ReactNode, type TextareaHTMLAttributes } from 'react';
import {
  BLANK_ROWS,
  ENTERPRISE_FIELDS,
  fieldId,
  fieldLabel,
  rowCount,
  type EditorChoices,
  type EditorWorkflow,
  type FlatValues,
} from '../validation/scenario-editor';

/** What the form does not show, per workflow: kept as it was copied. */
const KEPT: Partial<Record<EditorWorkflow, string>> = {
  onboarding: '专项、申请材料中的问题、名录记录、现场核实情况和核验意见',
  summary: '当事人类型、违法行为、违法事实、罚款金额、裁量基准、陈述和程序',
  enforcement: '处罚决定、缴纳与催告的经过、当事人的陈述和申请强制执行的情况',
  seizure: '可以和不能查封扣押的现场物品、当事人的陈述、报告事由和查封扣押后的经过',
  recheckCase: '隐患候选项、复查结果、拒不执行的情形、复查情况、罚款金额、陈述申辩和听证',
};
import { ErrorList } from './field';
import { InPageLink } from './in-page-link';

type Errors = Record<string, string[] | undefined>;
type Ctx = { values: FlatValues; errors: Errors };
type Option = { value: string; label: string };

const str = (values: FlatValues, name: string) => {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};
const list = (values: FlatValues, name: string) => {
  const v = values[name];
  return Array.isArray(v) ? v : v ? [v] : [];
};
const aria = (name: string, errors: Errors) =>
  errors[name]?.length ? { 'aria-invalid': true as const, 'aria-describedby': `${fieldId(name)}-error` } : {};

function Help({ children }: { children?: ReactNode }) {
  return children ? <p className="field__help">{children}</p> : null;
}

function TextInput({
  ctx,
  name,
  label,
  help,
  type = 'text',
  required,
}: {
  ctx: Ctx;
  name: string;
  label: string;
  help?: ReactNode;
  type?: 'text' | 'number';
  required?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={fieldId(name)}>
        {label}
        {required ? <span className="required"> *</span> : null}
      </label>
      <input
        id={fieldId(name)}
        name={name}
        type={type}
        inputMode={type === 'number' ? 'numeric' : undefined}
        defaultValue={str(ctx.values, name)}
        {...aria(name, ctx.errors)}
      />
      <Help>{help}</Help>
      <ErrorList id={`${fieldId(name)}-error`} errors={ctx.errors[name]} />
    </div>
  );
}

function TextArea({
  ctx,
  name,
  label,
  help,
  rows = 3,
  ...rest
}: { ctx: Ctx; name: string; label: string; help?: ReactNode } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <div className="field">
      <label htmlFor={fieldId(name)}>{label}</label>
      <textarea
        id={fieldId(name)}
        name={name}
        rows={rows}
        defaultValue={str(ctx.values, name)}
        {...aria(name, ctx.errors)}
        {...rest}
      />
      <Help>{help}</Help>
      <ErrorList id={`${fieldId(name)}-error`} errors={ctx.errors[name]} />
    </div>
  );
}

function Select({
  ctx,
  name,
  label,
  options,
  placeholder,
  help,
  onValue,
  groups,
}: {
  ctx: Ctx;
  name: string;
  label: string;
  options: readonly Option[];
  placeholder?: string;
  help?: ReactNode;
  onValue?: (value: string) => void;
  /** Options under <optgroup> headings instead of a flat list. */
  groups?: readonly { label: string; options: readonly Option[] }[];
}) {
  const value = str(ctx.values, name);
  const known = [...options, ...(groups ?? []).flatMap((g) => g.options)].some((o) => o.value === value);
  return (
    <div className="field">
      <label htmlFor={fieldId(name)}>{label}</label>
      <select
        id={fieldId(name)}
        name={name}
        defaultValue={value}
        onChange={onValue ? (e) => onValue(e.currentTarget.value) : undefined}
        {...aria(name, ctx.errors)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {/* A stored value the catalogue no longer offers stays visible, so its error can be read and fixed. */}
        {value && !known ? <option value={value}>{value}（不在可选范围内）</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <Help>{help}</Help>
      <ErrorList id={`${fieldId(name)}-error`} errors={ctx.errors[name]} />
    </div>
  );
}

function Checkboxes({
  ctx,
  name,
  legend,
  options,
  help,
  onValues,
}: {
  ctx: Ctx;
  name: string;
  legend: string;
  options: readonly Option[];
  help?: ReactNode;
  onValues?: (values: string[]) => void;
}) {
  const chosen = list(ctx.values, name);
  return (
    <fieldset
      className="field checkbox-group"
      id={fieldId(name)}
      tabIndex={-1}
      {...aria(name, ctx.errors)}
      onChange={
        onValues
          ? (e) => {
              const boxes = e.currentTarget.querySelectorAll<HTMLInputElement>(`input[type=checkbox]`);
              onValues([...boxes].filter((b) => b.checked).map((b) => b.value));
            }
          : undefined
      }
    >
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input type="checkbox" name={name} value={o.value} defaultChecked={chosen.includes(o.value)} /> {o.label}
        </label>
      ))}
      <Help>{help}</Help>
      <ErrorList id={`${fieldId(name)}-error`} errors={ctx.errors[name]} />
    </fieldset>
  );
}

function Range({ ctx, name, label, unit }: { ctx: Ctx; name: string; label: string; unit: string }) {
  return (
    <fieldset className="field range-field" id={fieldId(name)} tabIndex={-1}>
      <legend>{label}</legend>
      <TextInput ctx={ctx} name={`${name}[0]`} label={`最少（${unit}）`} type="number" />
      <TextInput ctx={ctx} name={`${name}[1]`} label={`最多（${unit}）`} type="number" />
      <ErrorList id={`${fieldId(name)}-error`} errors={ctx.errors[name]} />
    </fieldset>
  );
}

function RowButton({ intent, children }: { intent: string; children: ReactNode }) {
  return (
    <button type="submit" name="intent" value={intent} className="button button--small" formNoValidate>
      {children}
    </button>
  );
}

/** The errors of the whole form, each linked to its field; takes no focus (the page's heading keeps it). */
export function EditorErrorSummary({ fieldErrors, formErrors }: { fieldErrors: Errors; formErrors: string[] }) {
  const listed = Object.entries(fieldErrors).filter(([, e]) => e?.length);
  if (listed.length === 0 && formErrors.length === 0) return null;
  return (
    <div className="alert error-summary" role="alert" aria-labelledby="editor-errors-title" data-testid="editor-errors">
      <h2 id="editor-errors-title" className="error-summary__title">
        未保存：请修改以下 {listed.reduce((n, [, e]) => n + e!.length, 0) + formErrors.length} 处问题
      </h2>
      <ul>
        {formErrors.map((e) => (
          <li key={e}>{e}</li>
        ))}
        {listed.map(([name, errors]) => (
          <li key={name}>
            <InPageLink target={fieldId(name)} focus>
              {fieldLabel(name)}
            </InPageLink>
            ：{errors!.join('；')}
          </li>
        ))}
      </ul>
    </div>
  );
}

const sumOf = (values: FlatValues) =>
  Array.from({ length: rowCount(values, 'rubric') }, (_, i) => Number(str(values, `rubric[${i}].weight`)) || 0).reduce(
    (a, b) => a + b,
    0,
  );

/**
 * The scenario editor's form. Works without JavaScript: every row button and 更新可选项 re-renders the
 * form from the server (nothing saved); with it, the dependent displays (监管行业, the article, the
 * clauses of the chosen checklists, the rubric's sum) follow as the trainer types and `onEdit` runs.
 */
export function ScenarioEditorFields({
  workflow,
  values,
  errors,
  choices,
  onEdit,
}: {
  workflow: EditorWorkflow;
  values: FlatValues;
  errors: Errors;
  choices: EditorChoices;
  onEdit?: (form: HTMLFormElement) => void;
}) {
  const ctx: Ctx = { values, errors };
  const shown = ENTERPRISE_FIELDS[workflow];
  const [industry, setIndustry] = useState(str(values, 'enterprise.industryCode'));
  const [violation, setViolation] = useState(str(values, 'violation.id'));
  const [groups, setGroups] = useState(list(values, 'clauseGroups'));
  const [sum, setSum] = useState(sumOf(values));
  const sector = choices.industries.find((i) => i.value === industry)?.sector;
  const chosenViolation = choices.violations.find((v) => v.value === violation);
  const hintRows = rowCount(values, 'hints');
  const withBlankHint =
    hintRows > 0 && !str(values, `hints[${hintRows - 1}].text`) && !str(values, `hints[${hintRows - 1}].id`);

  const onInput = (event: FormEvent<HTMLDivElement>) => {
    const form = event.currentTarget.closest('form');
    if (!form) return;
    const weights = [...form.querySelectorAll<HTMLInputElement>('input[name^="rubric["][name$="].weight"]')];
    setSum(weights.reduce((total, input) => total + (Number(input.value) || 0), 0));
    onEdit?.(form);
  };

  const site = (list: 'majors' | 'generals', i: number) => {
    const p = `${list}[${i}]`;
    const noun = list === 'majors' ? '重大事故隐患候选项' : '一般事故隐患候选项';
    return (
      <fieldset key={`${list}-${i}`} className="editor-row" data-testid={`${list}-${i}`}>
        <legend>
          {noun} {i + 1}
        </legend>
        <input type="hidden" name={`${p}.id`} value={str(values, `${p}.id`)} />
        <TextInput ctx={ctx} name={`${p}.area`} label="区域" />
        <TextInput ctx={ctx} name={`${p}.checklist`} label="检查内容" />
        <TextArea ctx={ctx} name={`${p}.bad`} label="现场情况（存在隐患时）" rows={2} />
        <TextArea ctx={ctx} name={`${p}.ok`} label="现场情况（正常时）" rows={2} />
        <TextArea ctx={ctx} name={`${p}.fixed`} label="现场情况（复查时已整改）" rows={2} />
        {list === 'majors' ? (
          <Select
            ctx={ctx}
            name={`${p}.clause`}
            label="判定标准条目"
            options={[]}
            placeholder="请选择（只列出所选检查表的条目）"
            groups={choices.clauseGroups
              .filter((g) => groups.includes(g.value))
              .map((g) => ({
                label: `${g.label}（${g.standard}）`,
                options: choices.standardItems.filter((s) => s.group === g.value),
              }))}
          />
        ) : null}
        <Checkboxes ctx={ctx} name={`${p}.measures`} legend="现场处理措施" options={choices.measures} />
        <TextInput ctx={ctx} name={`${p}.basis`} label="依据" />
        <Select ctx={ctx} name={`${p}.nature`} label="性质" options={choices.natures} />
        <RowButton intent={`remove${list === 'majors' ? 'Major' : 'General'}-${i}`}>删除此项</RowButton>
      </fieldset>
    );
  };

  return (
    <div onChange={onInput}>
      <input type="hidden" name="workflow" value={workflow} />
      <fieldset className="editor-section">
        <legend>基本信息</legend>
        <TextInput ctx={ctx} name="title" label="标题" required />
        <TextArea ctx={ctx} name="brief" label="任务说明（场景目录和任务卡上显示）" rows={4} />
        <TextInput ctx={ctx} name="estimatedMinutes" label="预计用时（分钟）" type="number" />
        <TextInput
          ctx={ctx}
          name="assessmentTimeLimitMinutes"
          label="考核时限（分钟）"
          type="number"
          help="留空则考核不限时；不能短于预计用时。"
        />
        <TextArea
          ctx={ctx}
          name="taskLines"
          label="任务卡说明"
          rows={3}
          help="每行一条。可用占位符：{机关}（执法机关名称）、{企业}（企业名称）。"
        />
      </fieldset>

      <fieldset className="editor-section">
        <legend>企业</legend>
        <TextInput
          ctx={ctx}
          name="enterprise.namePattern"
          label="企业名称模板"
          help={`须含占位符${choices.tradePlaceholder}，练兵时换成随机抽取的字号，如：秦皇岛${choices.tradePlaceholder}钢铁有限公司。`}
        />
        <Select
          ctx={ctx}
          name="enterprise.industryCode"
          label="国民经济行业（GB/T 4754）"
          options={choices.industries}
          placeholder="请选择行业"
          onValue={setIndustry}
        />
        <p className="field__help" data-testid="sector">
          监管行业：<strong>{sector ?? '（随所选行业确定）'}</strong>（由行业确定，不需填写）
        </p>
        {workflow !== 'onboarding' ? <TextArea ctx={ctx} name="enterprise.summary" label="企业概况" rows={3} /> : null}
        {workflow === 'case' || workflow === 'inspection' ? (
          <Checkboxes
            ctx={ctx}
            name="enterprise.divisionCodes"
            legend="企业可能所在的区县"
            options={choices.divisions}
            help={workflow === 'case' ? '不选则从默认的区县中抽取。' : '至少选一个。'}
          />
        ) : null}
        {shown.employees ? <Range ctx={ctx} name="enterprise.employees" label="从业人数" unit="人" /> : null}
        <RowButton intent="refresh">更新可选项（不保存）</RowButton>
      </fieldset>

      {workflow === 'case' ? (
        <fieldset className="editor-section">
          <legend>违法行为与处罚</legend>
          <Select
            ctx={ctx}
            name="violation.id"
            label="违法行为"
            options={choices.violations}
            onValue={setViolation}
            help={chosenViolation ? <span data-testid="violation-article">{chosenViolation.article}</span> : null}
          />
          <Select
            ctx={ctx}
            name="violation.tier"
            label="处罚档次"
            options={chosenViolation?.tiers ?? choices.violations[0]!.tiers}
          />
          <TextArea ctx={ctx} name="facts" label="违法事实" rows={4} />
          <TextInput
            ctx={ctx}
            name="amounts"
            label="罚款金额候选（元）"
            help="以顿号分隔，每次练兵抽取一个；须在所选处罚档次的范围内。"
          />
          <h3>当事人的陈述申辩</h3>
          {Array.from({ length: rowCount(values, 'statements') }, (_, i) => (
            <fieldset key={i} className="editor-row">
              <legend>陈述申辩 {i + 1}</legend>
              <TextArea ctx={ctx} name={`statements[${i}].text`} label="陈述内容" rows={2} />
              <Select ctx={ctx} name={`statements[${i}].review`} label="复核意见" options={choices.statementReviews} />
              <TextArea ctx={ctx} name={`statements[${i}].reviewReason`} label="理由" rows={2} />
              <RowButton intent={`removeStatement-${i}`}>删除此条</RowButton>
            </fieldset>
          ))}
          <RowButton intent="addStatement">添加一条陈述申辩</RowButton>
          <div className="field">
            <label className="checkbox">
              <input
                type="checkbox"
                name="hearingRequested"
                defaultChecked={Boolean(str(values, 'hearingRequested'))}
              />{' '}
              当事人要求听证
            </label>
          </div>
          <TextArea ctx={ctx} name="hearingArguments" label="听证中的陈述和申辩" rows={2} help="要求听证时必填。" />
        </fieldset>
      ) : null}

      {workflow === 'inspection' ? (
        <fieldset className="editor-section">
          <legend>检查内容</legend>
          <Checkboxes
            ctx={ctx}
            name="clauseGroups"
            legend="适用的重大事故隐患判定标准检查表"
            options={choices.clauseGroups.map((g) => ({ value: g.value, label: `${g.label}（${g.standard}）` }))}
            help="须属于同一判定标准。重大事故隐患的判定标准条目只能从所选检查表中选择。"
            onValues={setGroups}
          />
          <h3>重大事故隐患候选项（每次练兵抽取一项）</h3>
          {Array.from({ length: rowCount(values, 'majors') }, (_, i) => site('majors', i))}
          <RowButton intent="addMajor">添加重大事故隐患候选项</RowButton>
          <h3>一般事故隐患候选项（每次练兵抽取两项）</h3>
          {Array.from({ length: rowCount(values, 'generals') }, (_, i) => site('generals', i))}
          <RowButton intent="addGeneral">添加一般事故隐患候选项</RowButton>
          <Range ctx={ctx} name="rectifyDays" label="整改期限" unit="日" />
        </fieldset>
      ) : null}

      {KEPT[workflow] ? (
        <p className="alert" data-testid="kept-as-copied">
          本编辑器只修改基本信息、企业、提示和评分；{KEPT[workflow]}按复制时的内容保留。
        </p>
      ) : null}

      <fieldset className="editor-section">
        <legend>练习提示（考核时不提供）</legend>
        {Array.from({ length: withBlankHint ? hintRows : hintRows + 1 }, (_, i) => {
          const isNew = i >= hintRows || (withBlankHint && i === hintRows - 1);
          const p = `hints[${i}]`;
          return (
            <fieldset key={i} className="editor-row">
              <legend>{isNew ? '新提示（填写内容即添加）' : `提示 ${i + 1}`}</legend>
              <input type="hidden" name={`${p}.id`} value={str(values, `${p}.id`)} />
              <TextArea ctx={ctx} name={`${p}.text`} label="提示内容" rows={2} />
              <TextInput
                ctx={{
                  values:
                    isNew && !str(values, `${p}.cost`) ? { ...values, [`${p}.cost`]: BLANK_ROWS.hints.cost } : values,
                  errors,
                }}
                name={`${p}.cost`}
                label="查看扣分"
                type="number"
              />
              <Select ctx={ctx} name={`${p}.stepId`} label="对应步骤" options={choices.steps} placeholder="任何步骤" />
              {isNew ? null : <RowButton intent={`removeHint-${i}`}>删除此提示</RowButton>}
            </fieldset>
          );
        })}
      </fieldset>

      <fieldset className="editor-section" id={fieldId('rubric')} tabIndex={-1} {...aria('rubric', errors)}>
        <legend>评分细则（权重合计须为 100）</legend>
        {Array.from({ length: rowCount(values, 'rubric') }, (_, i) => (
          <div key={i} className="editor-row editor-row--inline">
            <Select
              ctx={ctx}
              name={`rubric[${i}].item`}
              label={`评分项 ${i + 1}`}
              options={choices.rubricItems}
              placeholder="请选择"
            />
            <TextInput ctx={ctx} name={`rubric[${i}].weight`} label="权重" type="number" />
            <RowButton intent={`removeRubric-${i}`}>删除</RowButton>
          </div>
        ))}
        <p data-testid="rubric-sum" className={sum === 100 ? 'notice' : 'alert'}>
          权重合计：<strong>{sum}</strong> / 100
        </p>
        <ErrorList id={`${fieldId('rubric')}-error`} errors={errors.rubric} />
        <RowButton intent="addRubric">添加评分项</RowButton>
      </fieldset>
    </div>
  );
}

/** The name of the editor form's last field (see the edit route's action). */
export const FORM_COMPLETE = 'formComplete';

/** The whole editor form with its save and preview buttons. */
export function ScenarioEditorForm(props: Parameters<typeof ScenarioEditorFields>[0] & { action?: string }) {
  const { action, ...fields } = props;
  return (
    <Form method="post" action={action} noValidate className="scenario-editor" id="scenario-editor">
      {/* Enter in a text field submits with the form's first submit button: make that one 保存, not a row button. */}
      <button type="submit" name="intent" value="save" className="implicit-submit" tabIndex={-1} aria-hidden="true">
        保存
      </button>
      <ScenarioEditorFields {...fields} />
      <div className="editor-actions">
        <button type="submit" name="intent" value="save" className="button button--primary">
          保存
        </button>{' '}
        <button type="submit" name="intent" value="preview" className="button">
          预览（先保存）
        </button>
      </div>
      {/* Last in the form: present only when the browser had parsed the whole form when it was sent. */}
      <input type="hidden" name={FORM_COMPLETE} value="1" />
    </Form>
  );
}
