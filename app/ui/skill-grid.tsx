import { SKILL_LABELS, type Skill } from '../../scenarios/types';

export interface SkillStanding {
  skill: Skill;
  mastered: boolean;
  masteredUntil: string | null;
  attempts: number;
  bestScore: number | null;
}

/** One card per skill: mastered or not, attempts, best score and until when mastery holds. */
export function SkillGrid({ skills, testId }: { skills: SkillStanding[]; testId?: string }) {
  return (
    <div className="skill-grid" data-testid={testId}>
      {skills.map((s) => (
        <div key={s.skill} className={`skill ${s.mastered ? 'skill--mastered' : ''}`}>
          <strong>{SKILL_LABELS[s.skill]}</strong>
          <span>{s.mastered ? '已掌握' : '未掌握'}</span>
          <small className="muted">
            {s.attempts > 0 ? `完成 ${s.attempts} 次 · 最高 ${s.bestScore ?? 0} 分` : '尚未练兵'}
            {s.mastered && s.masteredUntil ? ` · 有效至 ${s.masteredUntil.slice(0, 10)}` : ''}
          </small>
        </div>
      ))}
    </div>
  );
}
