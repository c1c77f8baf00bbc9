/**
 * The chain's documents are printed by the inspection's and the case's renderers (imported). The notice,
 * hearing notice and decision then gain what 第一百零二条 adds: 停产停业整顿 and each responsible person's
 * fine — added to the printed content, never by copying a renderer.
 */
import type { DocumentContent, DocumentSection } from '../../lib/document';
import { caseDocument } from '../case/documents';
import type { CaseDocument } from '../case/document-types';
import { inspectionDocument } from '../inspection/documents';
import type { InspectionDocument } from '../inspection/document-types';
import { PENALTY_ARTICLES, yuan, type ArticleId } from '../../law/penalties';
import type { RecheckCaseFixture } from './kit/fixture';
import type { Article102Measures, RecheckCaseContext } from './machine';

const LAW = '《中华人民共和国安全生产法》';

/** "对直接负责的主管人员张三（主要负责人）处罚款人民币6万元" for each fined person. */
function personLines(f: RecheckCaseFixture, m: Article102Measures): string[] {
  return m.personFines.map((x) => {
    const p = f.persons.find((y) => y.id === x.personId);
    return `对${p ? `${p.capacity}${p.name}（${p.role}）` : x.personId}处罚款人民币${yuan(x.amount)}`;
  });
}

/** What the notice adds to the unit's fine: "依据…的规定，本机关还拟：责令…停产停业整顿；对…处罚款…。". */
function measuresText(f: RecheckCaseFixture, m: Article102Measures, articleId: ArticleId): string | null {
  const parts = [...(m.suspension ? ['责令你单位停产停业整顿'] : []), ...personLines(f, m)];
  if (parts.length === 0) return null;
  return `除上述罚款外，依据${LAW}${PENALTY_ARTICLES[articleId].short}的规定，本机关还拟：${parts.join('；')}。`;
}

/** Adds a paragraph after the section whose heading (or first line) matches. */
function addTo(content: DocumentContent, match: (s: DocumentSection) => boolean, lines: string[]): DocumentContent {
  if (lines.length === 0) return content;
  const at = content.sections.findIndex(match);
  const sections = content.sections.map((s, i) => (i === at ? { ...s, lines: [...s.lines, ...lines] } : s));
  return { ...content, sections: at < 0 ? [...content.sections, { lines }] : sections };
}

function caseDocumentOf(doc: CaseDocument, f: RecheckCaseFixture, c: RecheckCaseContext): DocumentContent {
  const part = c.case!.context;
  const printed = caseDocument(doc, f.case, part);
  switch (doc.type) {
    case 'penaltyNotice':
    case 'hearingNotice': {
      const notice = part.notice;
      if (!notice || !c.notice) return printed;
      const text = measuresText(f, c.notice, notice.articleId);
      return text
        ? addTo(printed, (s) => s.lines.some((l) => l.includes('本机关拟')), [`除上述罚款外，本机关还拟：${text}。`])
        : printed;
    }
    case 'penaltyDecision': {
      const d = part.decision;
      const m = c.decision;
      if (!d || !m) return printed;
      let n = 3;
      const lines = [
        ...(m.suspension
          ? [
              `${n++}. 责令你单位停产停业整顿，事故隐患消除并经本机关复查合格后，方可恢复生产经营（${LAW}第一百零二条）；`,
            ]
          : []),
        ...personLines(f, m).map((l) => `${n++}. ${l}（直接负责的主管人员和其他直接责任人员，${LAW}第一百零二条）。`),
      ];
      return addTo(printed, (s) => s.heading === '处罚依据及决定', lines);
    }
    default:
      return printed;
  }
}

/** Every document the chain issued, in issue order: the inspection's first, then the case's. */
export function recheckCaseDocuments(f: RecheckCaseFixture, c: RecheckCaseContext): DocumentContent[] {
  const inspection = c.inspection.context.documents.map((doc: InspectionDocument) =>
    inspectionDocument(doc, f.inspection, c.inspection.context),
  );
  const inCase = (c.case?.context.documents ?? []).map((doc) => caseDocumentOf(doc, f, c));
  return [...inspection, ...inCase];
}
