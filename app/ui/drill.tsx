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
