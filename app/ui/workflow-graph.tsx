import type { WorkflowGraphState } from '../../scenarios/mermaid';

/** A statechart drawn as a list of stages, each with the actions that lead out of it (server-rendered, no script). */
export function WorkflowGraph({ graph }: { graph: { states: WorkflowGraphState[] } }) {
  return (
    <ol className="workflow-graph" data-testid="workflow-graph">
      {graph.states.map((s) => (
        <li
          key={s.key}
          id={`state-${s.key}`}
          className={`workflow-graph__state${s.final ? ' is-final' : ''}`}
          data-state={s.key}
        >
          <strong>{s.label}</strong>
          {s.initial ? <span className="tag">起点</span> : null}
          {s.final ? <span className="tag tag--done">终点</span> : null}
          {s.out.length > 0 ? (
            <ul className="workflow-graph__edges">
              {s.out.map((t, i) => (
                <li key={i}>
                  {t.event || '自动'} → <a href={`#state-${t.to}`}>{t.toLabel}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
