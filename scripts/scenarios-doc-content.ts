/**
 * The content of docs/scenarios.md for trainers: each scenario's brief, steps, rubric (with error codes
 * and citations), hints, and its workflow statechart as a Mermaid diagram generated from the machine.
 * Written by `npm run scenarios:docs`; test/scenarios/docs-fresh.test.ts checks the committed file is current.
 */
import { listScenarios } from '../scenarios/index';
import { workflowMermaid } from '../scenarios/mermaid';
import { SKILL_LABELS } from '../scenarios/types';
import { WORKFLOWS } from '../scenarios/workflows';
import { LEGAL } from '../scenarios/law/legal-constants';

export function scenariosDoc(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

  const lines: string[] = [
    '# 练兵场景（由代码生成）',
    '',
    '> 本文件由 `npm run scenarios:docs` 根据 `scenarios/` 的代码生成，请勿手工修改。',
    '> 每个场景的流程图由其状态机配置自动绘制；评分项的错误代码稳定不变，可按单位统计。',
    '',
    '| 场景 | 技能 | 版本 | 预计用时 | 考核限时 | 流程 |',
    '|---|---|---|---|---|---|',
    ...listScenarios().map(
      (s) =>
        `| [${s.title}](#${s.id}) \`${s.id}\` | ${SKILL_LABELS[s.skill]} | ${s.version} | ${s.estimatedMinutes}分钟 | ${s.assessmentTimeLimitMinutes ? `${s.assessmentTimeLimitMinutes}分钟` : '不限'} | ${WORKFLOWS[s.workflow].title} |`,
    ),
    '',
  ];

  for (const s of listScenarios()) {
    const fixture = s.fixture('docs-example');
    lines.push(
      `## ${s.title}`,
      '',
      `<a id="${s.id}"></a>`,
      '',
      `- 编号：\`${s.id}\`（第${s.version}版）`,
      `- 技能：${SKILL_LABELS[s.skill]}；流程：${WORKFLOWS[s.workflow].title}`,
    );
    lines.push(
      `- 预计用时：${s.estimatedMinutes}分钟；考核限时：${s.assessmentTimeLimitMinutes ? `${s.assessmentTimeLimitMinutes}分钟` : '不限'}`,
      '',
    );
    lines.push('### 任务说明', '', s.brief, '');
    lines.push('### 示例材料（种子 `docs-example`；每次练兵按种子随机生成）', '');
    for (const section of s.materials(fixture)) {
      lines.push(`**${section.title}**`, '', ...section.lines.map((l) => `- ${l}`), '');
    }
    lines.push('### 操作步骤（系统模块）', '', '| 步骤 | 模块 | 表单 | 字段 |', '|---|---|---|---|');
    for (const step of s.steps(fixture)) {
      lines.push(
        `| \`${step.id}\` | ${step.module} | ${cell(step.title)}${step.optional ? '（视情况）' : ''}${step.repeatable ? '（可多次）' : ''} | ${step.fields.length} |`,
      );
    }
    lines.push(
      '',
      '### 评分细则（满分100）',
      '',
      '| 错误代码 | 评分项 | 分值 | 规则 | 依据 | 典型错误 |',
      '|---|---|---|---|---|---|',
    );
    for (const item of s.rubric) {
      lines.push(
        `| \`${item.code}\` | ${cell(item.title)} | ${item.weight} | ${cell(item.rule)} | ${cell(item.citation)} | ${cell(item.mistake.description)} |`,
      );
    }
    lines.push('', '### 练习提示（考核模式不提供）', '', ...s.hints.map((h) => `- ${h.text}（扣${h.cost}分）`), '');
    if (s.unreachableStates?.length) {
      lines.push('### 本场景不经过的状态', '', ...s.unreachableStates.map((u) => `- \`${u.state}\`：${u.reason}`), '');
    }
    lines.push('### 流程图', '', '```mermaid', workflowMermaid(s.workflow), '```', '');
  }

  lines.push(
    '## 法定期限与数额（集中配置）',
    '',
    '| 项目 | 数值 | 依据 | 施行日期 | 待核实 |',
    '|---|---|---|---|---|',
  );
  for (const [key, figure] of Object.entries(LEGAL)) {
    lines.push(
      `| \`${key}\` | ${figure.value} ${figure.unit} | ${cell(figure.source)}${'note' in figure && figure.note ? `（${cell(figure.note)}）` : ''} | ${figure.effectiveFrom} | ${figure.check ? '是' : '否'} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
