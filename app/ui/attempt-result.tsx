import { Link } from '@remix-run/react';
import type { DocumentContent } from '../../scenarios/documents';
import type { AttemptScore, Mode } from '../../scenarios/types';
import { beijingTime } from '../utils/format';
import { DocumentPages } from './document-page';
import { ErrorCode } from './error-code';
import { PrintButton, PrintLink } from './print-button';
import { ModeBadge } from './drill';

type ShownField = { label: string; value: string };

/** What the result view needs of an attempt (the shape getAttemptResult returns). */
export interface AttemptResultData {
  kind: 'scored';
  attempt: {
    id: number;
    mode: Mode;
    status: 'active' | 'finished';
    passMark: number;
    finishReason: 'completed' | 'abandoned' | 'timeUp' | null;
  };
  scenario: { title: string };
  score: AttemptScore;
  passed: boolean;
  documents: DocumentContent[];
  submitted: { seq: number; title: string; fields: ShownField[] }[];
  modelAnswer: { stepId: string; title: string; fields: ShownField[] }[] | null;
  /** Set when a trainer regraded the attempt under a newer version of their scenario. */
  regraded?: { version: number; fromVersion: number; fromScore: number | null } | null;
}

/** An attempt recorded under another scenario version: only what was stored then (getAttemptResult, kind 'recorded'). */
export interface RecordedResultData {
  kind: 'recorded';
  attempt: {
    id: number;
    mode: Mode;
    status: 'active' | 'finished';
    passMark: number;
    finishedAt: string | null;
    finishReason: 'completed' | 'abandoned' | 'timeUp' | null;
    closed: boolean;
  };
  scenario: { title: string };
  note: string;
  total: number | null;
  passed: boolean;
  hintsUsed: number;
  errors: { code: string; title: string | null }[];
  steps: { seq: number; at: string; title: string }[];
}

const FINISH_REASONS = { completed: '完成全部流程', abandoned: '提前交卷', timeUp: '考核超时自动交卷' } as const;

/** One submitted form (or the model answer's), each field with what was entered. */
function AnswerStep({ title, fields, model = false }: { title: string; fields: ShownField[]; model?: boolean }) {
  return (
    <article className={model ? 'answer-step answer-step--model' : 'answer-step'}>
      <h3>{title}</h3>
      <dl>
        {fields.map((f) => (
          <div key={f.label}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}

/**
 * A finished attempt: score against the pass mark, the rubric breakdown with the rule of each item,
 * the documents issued (A4 pages), the officer's forms and, in practice mode, the model answer.
 * Shown to the officer (their result page) and to managers (drill-down), with their own links.
 */
export function AttemptResultView({
  result,
  documentsHref,
  printHref,
  printView = false,
  back,
  officerName,
}: {
  result: AttemptResultData | RecordedResultData;
  /** The print-only documents page, when the viewer may open it. */
  documentsHref?: string;
  /** The print page of this result (打印 links there, so it works without JavaScript). */
  printHref?: string;
  /** This is the print page: the result alone, with 打印 and the way back above it. */
  printView?: boolean;
  back: { to: string; label: string };
  officerName?: string;
}) {
  if (result.kind === 'recorded')
    return (
      <RecordedResultView
        result={result}
        back={back}
        officerName={officerName}
        printHref={printHref}
        printView={printView}
      />
    );
  const { score, attempt } = result;
  return (
    <div className={printView ? 'result result--print' : 'result'}>
      {printView ? <PrintBar back={back} /> : null}
      <p className="page-kicker">
        <ModeBadge mode={attempt.mode} /> 练兵成绩{officerName ? ` · ${officerName}` : ''}
      </p>
      <h1>{result.scenario.title}</h1>
      <dl className="facts">
        <div>
          <dt>得分</dt>
          <dd data-testid="score-total">{score.total}</dd>
        </div>
        <div>
          <dt>合格线</dt>
          <dd>{attempt.passMark}</dd>
        </div>
        <div>
          <dt>结果</dt>
          <dd data-testid="score-verdict" className={result.passed ? 'text-ok' : 'text-bad'}>
            {attempt.status === 'active' ? '进行中（按当前进度评分）' : result.passed ? '合格' : '不合格'}
          </dd>
        </div>
        {result.regraded ? (
          <div>
            <dt>评分版本</dt>
            <dd data-testid="score-regraded">
              第{result.regraded.version}版（由第{result.regraded.fromVersion}版重新评分
              {result.regraded.fromScore === null ? '' : `，原得分${result.regraded.fromScore}`}）
            </dd>
          </div>
        ) : null}
        {score.hintDeduction > 0 ? (
          <div>
            <dt>提示扣分</dt>
            <dd>{score.hintDeduction}</dd>
          </div>
        ) : null}
        {attempt.finishReason ? (
          <div>
            <dt>结束方式</dt>
            <dd>{FINISH_REASONS[attempt.finishReason]}</dd>
          </div>
        ) : null}
      </dl>

      <section>
        <h2>评分明细</h2>
        <div className="table-scroll">
          <table className="table table--wrap" data-testid="rubric">
            <thead>
              <tr>
                <th scope="col">评分项</th>
                <th scope="col" className="num">
                  得分
                </th>
                <th scope="col">应当</th>
                <th scope="col">实际</th>
                <th scope="col">依据</th>
              </tr>
            </thead>
            <tbody>
              {score.items.map((item) => (
                <tr
                  key={item.id}
                  data-code={item.code}
                  className={item.earned === item.weight ? undefined : 'row-miss'}
                >
                  <td>
                    {item.title}
                    {item.earned < item.weight ? (
                      <div className="small">
                        错误：
                        <ErrorCode code={item.code} />
                      </div>
                    ) : null}
                  </td>
                  <td className="num">
                    {item.earned}/{item.weight}
                  </td>
                  <td>{item.expected}</td>
                  <td>
                    {item.actual}
                    {item.earned < item.weight ? <div className="muted small">{item.explanation}</div> : null}
                  </td>
                  <td>{item.citation}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {result.documents.length > 0 ? (
        <section>
          <h2>开具的文书</h2>
          {documentsHref && !printView ? (
            <p className="no-print">
              <Link to={documentsHref} className="button">
                打印文书
              </Link>
            </p>
          ) : null}
          <ul className="plain-list doc-toc" data-testid="result-documents">
            {result.documents.map((d, i) => (
              <li key={`${d.type}-${i}`}>
                <a href={`#doc-${i + 1}`}>{d.number ? `${d.title} ${d.number}` : d.title}</a>
              </li>
            ))}
          </ul>
          <DocumentPages documents={result.documents} />
        </section>
      ) : null}

      <section className={result.modelAnswer ? 'compare' : undefined}>
        <div>
          <h2>我的办理过程</h2>
          {result.submitted.length === 0 ? <p className="empty">没有提交任何表单。</p> : null}
          {result.submitted.map((step) => (
            <AnswerStep key={step.seq} title={step.title} fields={step.fields} />
          ))}
        </div>
        {result.modelAnswer ? (
          <div data-testid="model-answer">
            <h2>参考答案</h2>
            {result.modelAnswer.map((step, i) => (
              <AnswerStep key={`${step.stepId}-${i}`} title={step.title} fields={step.fields} model />
            ))}
          </div>
        ) : null}
      </section>

      {printView ? null : <ResultFooter back={back} printHref={printHref} />}
    </div>
  );
}

/** The top of a print page: the way back and 打印 (neither is printed). */
function PrintBar({ back }: { back: { to: string; label: string } }) {
  return (
    <p className="no-print report-actions">
      <Link to={back.to} className="button">
        {back.label}
      </Link>
      <PrintButton />
    </p>
  );
}

/**
 * An attempt recorded under an older scenario version: the stored score, verdict, lost error codes
 * and finish time, and the steps from its event log, under a note saying why there is no more.
 */
function RecordedResultView({
  result,
  back,
  officerName,
  printHref,
  printView,
}: {
  result: RecordedResultData;
  back: { to: string; label: string };
  officerName?: string;
  printHref?: string;
  printView: boolean;
}) {
  const { attempt } = result;
  const verdict = attempt.closed
    ? '已关闭（场景更新，不计成绩）'
    : attempt.status === 'active'
      ? '无法继续（场景更新，不计成绩）'
      : result.passed
        ? '合格'
        : '不合格';
  return (
    <div className={printView ? 'result result--print' : 'result'}>
      {printView ? <PrintBar back={back} /> : null}
      <p className="page-kicker">
        <ModeBadge mode={attempt.mode} /> 练兵成绩{officerName ? ` · ${officerName}` : ''}
      </p>
      <h1>{result.scenario.title}</h1>
      <p className="alert alert--info" role="note" data-testid="version-note">
        {result.note}
      </p>
      <dl className="facts">
        <div>
          <dt>得分</dt>
          <dd data-testid="score-total">{result.total ?? '—'}</dd>
        </div>
        <div>
          <dt>合格线</dt>
          <dd>{attempt.passMark}</dd>
        </div>
        <div>
          <dt>结果</dt>
          <dd
            data-testid="score-verdict"
            className={result.total === null ? undefined : result.passed ? 'text-ok' : 'text-bad'}
          >
            {verdict}
          </dd>
        </div>
        {attempt.finishedAt ? (
          <div>
            <dt>{attempt.closed ? '关闭时间' : '完成时间'}</dt>
            <dd>{beijingTime(attempt.finishedAt)}</dd>
          </div>
        ) : null}
        {result.hintsUsed > 0 ? (
          <div>
            <dt>使用提示</dt>
            <dd>{result.hintsUsed} 次</dd>
          </div>
        ) : null}
        {attempt.finishReason ? (
          <div>
            <dt>结束方式</dt>
            <dd>{FINISH_REASONS[attempt.finishReason]}</dd>
          </div>
        ) : null}
      </dl>

      {result.total !== null ? (
        <section>
          <h2>失分项（按当时的记录）</h2>
          {result.errors.length === 0 ? (
            <p className="empty">没有失分项。</p>
          ) : (
            <ul className="plain-list" data-testid="recorded-errors">
              {result.errors.map((e) => (
                <li key={e.code}>
                  <ErrorCode code={e.code} fallback={e.title} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <section>
        <h2>办理过的步骤（按当时的记录）</h2>
        {result.steps.length === 0 ? (
          <p className="empty">没有提交任何表单。</p>
        ) : (
          <ol data-testid="recorded-steps">
            {result.steps.map((step) => (
              <li key={step.seq}>
                {step.title} <span className="muted small">{beijingTime(step.at)}</span>
              </li>
            ))}
          </ol>
        )}
      </section>

      {printView ? null : <ResultFooter back={back} printHref={printHref} />}
    </div>
  );
}

/** Below a result: back to where the viewer came from, and the print page when there is one. */
function ResultFooter({ back, printHref }: { back: { to: string; label: string }; printHref?: string }) {
  return (
    <p className="no-print">
      <Link to={back.to} className="button">
        {back.label}
      </Link>{' '}
      {printHref ? <PrintLink to={printHref} /> : null}
    </p>
  );
}
