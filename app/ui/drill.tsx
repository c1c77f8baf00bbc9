import { useEffect, useState } from 'react';
import type { MaterialSection } from '../../scenarios/types';

const MODE_LABELS = { practice: '练习', assessment: '考核' } as const;

export function ModeBadge({ mode }: { mode: keyof typeof MODE_LABELS }) {
  return <span className={`badge badge--${mode}`}>{MODE_LABELS[mode]}</span>;
}

/** The task card: the brief and what the officer is handed in the field (licence, site description…). */
export function DrillMaterials({ brief, materials }: { brief: string; materials: MaterialSection[] }) {
  return (
    <details className="materials" open>
      <summary>任务卡</summary>
      <p className="materials__brief">{brief}</p>
      {materials.map((section) => (
        <section key={section.title}>
          <h3>{section.title}</h3>
          <ul className="plain-list">
            {section.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </section>
      ))}
    </details>
  );
}

/** The minutes before the automatic hand-in at which the countdown warns (role="alert"). */
export const COUNTDOWN_WARNINGS = [5, 1] as const;

const clock = (ms: number) => {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(seconds / 60);
  return `${m}:${String(seconds % 60).padStart(2, '0')}`;
};

const warningFor = (ms: number) => [...COUNTDOWN_WARNINGS].reverse().find((m) => ms <= m * 60_000) ?? null;

function warningText(minutes: number) {
  return `距离自动交卷不足${minutes}分钟，请尽快提交正在办理的表单；时间一到按当前完成情况评分。`;
}

/**
 * An assessment's remaining time. The server renders the deadline (Beijing time) and the minutes left
 * as of the page, so it reads without JavaScript; with it the clock counts down each second (against
 * the server's clock: `serverNow` fixes the browser's offset) and warns 5 and 1 minutes before the
 * hand-in, which the server does on its own clock (expireIfTimeUp) whatever the page shows.
 */
export function AssessmentCountdown({
  deadline,
  serverNow,
  deadlineText,
}: {
  deadline: string;
  serverNow: string;
  deadlineText: string;
}) {
  const initial = Date.parse(deadline) - Date.parse(serverNow);
  const [left, setLeft] = useState(initial);
  const [live, setLive] = useState(false);
  useEffect(() => {
    const offset = Date.parse(serverNow) - Date.now();
    const tick = () => setLeft(Date.parse(deadline) - (Date.now() + offset));
    tick();
    setLive(true);
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [deadline, serverNow]);
  const warning = warningFor(left);
  const minutesLeft = Math.max(0, Math.ceil(left / 60_000));
  return (
    <div className="countdown" data-testid="countdown">
      <p>
        剩余时间：
        <strong className="countdown__time" data-testid="countdown-time" aria-live="off">
          {live ? clock(left) : `约${minutesLeft}分钟`}
        </strong>
        <span className="muted">（考核截止时间：{deadlineText}，北京时间；服务器计时，超时自动交卷）</span>
      </p>
      {warning !== null && left > 0 ? (
        <p key={warning} className="alert countdown__warning" role="alert" data-testid="countdown-warning">
          {warningText(warning)}
        </p>
      ) : null}
      {left <= 0 ? (
        <p className="alert countdown__warning" role="alert" data-testid="countdown-warning">
          考核时间已到，系统按当前完成情况自动交卷；请刷新页面查看成绩。
        </p>
      ) : null}
    </div>
  );
}
