import type { BulletinContent, BulletinRow } from '../validation/bulletin';
import { beijingDate } from '../utils/format';
import { LEVEL_LABELS } from './readiness-table';

/** 2026年11月30日 (China time), as a document is dated. */
export function chineseDate(iso: string): string {
  const [y, m, d] = beijingDate(new Date(iso)).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const signed = (n: number) => (n > 0 ? `+${n.toFixed(1)}` : n.toFixed(1));
const rankChange = (n: number) => (n > 0 ? `↑${n}` : n < 0 ? `↓${-n}` : '—');

/**
 * The ranking table's columns, shared by the page, the XLSX and the .docx so that all three show the
 * same values: numbers stay numbers (percentages in %, one decimal), text as printed.
 */
export const BULLETIN_COLUMNS: {
  header: string;
  width: number;
  /** pct: a percentage printed with one decimal (7.0); signed: a change in points (+4.3). Numbers in the XLSX. */
  format?: CellFormat;
  value: (r: BulletinRow) => string | number;
}[] = [
  { header: '排名', width: 6, value: (r) => r.rank },
  { header: '单位', width: 16, value: (r) => r.name },
  { header: '在册人数', width: 9, value: (r) => r.officers },
  { header: '参训人数', width: 9, value: (r) => r.drilled },
  { header: '参训率(%)', width: 9, format: 'pct', value: (r) => r.participationPct },
  { header: '熟练掌握人数', width: 11, value: (r) => r.proficient },
  { header: '熟练掌握率(%)', width: 12, format: 'pct', value: (r) => r.proficientPct },
  { header: '达标等级', width: 9, value: (r) => LEVEL_LABELS[r.level] },
  {
    header: '较上周熟练掌握率(百分点)',
    width: 14,
    format: 'signed',
    value: (r) => r.change?.proficientPct ?? '—',
  },
  { header: '名次变化', width: 8, value: (r) => (r.change ? rankChange(r.change.rank) : '—') },
  { header: '入库企业', width: 9, value: (r) => r.real?.enterprisesOnboarded ?? '—' },
  { header: '检查次数', width: 9, value: (r) => r.real?.inspections ?? '—' },
  {
    header: '覆盖情况',
    width: 9,
    value: (r) => (r.real ? (r.real.coverageInsufficient ? '覆盖不足' : '覆盖达标') : '未导入'),
  },
  { header: '系统参与率(%)', width: 12, format: 'pct', value: (r) => r.real?.realParticipationPct ?? '—' },
];

export type CellFormat = 'pct' | 'signed';

/** A cell as the page and the .docx print it: percentages with one decimal, changes signed, counts as they are. */
export function cellText(value: string | number, format?: CellFormat): string {
  if (typeof value !== 'number') return value;
  if (format === 'signed') return signed(value);
  return format === 'pct' || !Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** The XLSX number format of a column's cells. */
export const XLSX_FORMATS: Record<CellFormat, string> = { pct: '0.0', signed: '+0.0;-0.0;0.0' };

/** The summary figures (概况): label, value and format, as the page, the XLSX and the .docx list them. */
export function summaryItems(content: BulletinContent): [string, string | number, CellFormat?][] {
  const t = content.totals;
  const p = content.previousTotals;
  const points = (now: number, before: number) => Math.round((now - before) * 10) / 10;
  return [
    ['统计周期', `${content.period.from} 至 ${content.period.to}`],
    ['执法单位数', t.units],
    ['在册执法人员', t.officers],
    ['参训人数', t.drilled],
    ['参训率(%)', t.participationPct, 'pct'],
    ['熟练掌握人数', t.proficient],
    ['熟练掌握率(%)', t.proficientPct, 'pct'],
    ['较上周参训率(百分点)', points(t.participationPct, p.participationPct), 'signed'],
    ['较上周熟练掌握率(百分点)', points(t.proficientPct, p.proficientPct), 'signed'],
    ['达标 / 基本达标 / 未达标单位', `${t.green} / ${t.amber} / ${t.red}`],
    ['系统统计年度', content.realYear ?? '未导入'],
    ['系统覆盖不足单位', content.realYear ? t.coverageInsufficient : '—'],
  ];
}

/** The lines naming units for praise and criticism (empty lists say so). */
export function namedLines(content: BulletinContent) {
  return {
    praised:
      content.praised.length > 0
        ? content.praised.map((u) => `${u.name}：${u.reason}。`)
        : [`本周无单位达到“熟练掌握率不低于 ${content.thresholds.greenProficientPct}%”的达标线。`],
    criticised:
      content.criticised.length > 0
        ? content.criticised.map((u) => `${u.name}：${u.reason}。`)
        : ['本周排名靠后的单位均已达标，不予通报批评。'],
  };
}

/** The 通报 as an A4 official document, rendered only from its stored content. */
export function BulletinDocument({ content }: { content: BulletinContent }) {
  const lines = namedLines(content);
  const [intro, ...body] = content.paragraphs;
  const requirement = body.pop();
  return (
    <article className="bulletin" aria-labelledby="bulletin-title" data-testid="bulletin">
      <p className="bulletin__number" data-testid="bulletin-number">
        {content.number}
      </p>
      <h1 id="bulletin-title" className="bulletin__title">
        {content.title}
      </h1>
      <p className="bulletin__period">
        （{content.period.from} 至 {content.period.to}）
      </p>
      <p className="bulletin__addressee">各{content.scope.level === 'province' ? '市' : ''}执法单位：</p>
      <p>{intro}</p>
      <h2>一、总体情况</h2>
      {body.map((text) => (
        <p key={text}>{text}</p>
      ))}
      <dl className="bulletin__summary" aria-label="概况">
        {summaryItems(content).map(([label, value, format]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{cellText(value, format)}</dd>
          </div>
        ))}
      </dl>
      <h2>二、各单位排名</h2>
      <p className="bulletin__note">
        按熟练掌握率、参训率从高到低排名，数值相同者名次并列；熟练掌握以 {content.period.to}（周日）24
        时为准。系统数据为互联网+执法系统{content.realYear ? ` ${content.realYear} 年` : ''}统计（检查不足{' '}
        {content.thresholds.coverageMinInspections} 次为覆盖不足）。
      </p>
      <div className="bulletin__table-wrap" tabIndex={0} role="region" aria-label="各单位排名表（可横向滚动）">
        <table className="bulletin__table" data-testid="bulletin-ranking">
          <thead>
            <tr>
              {BULLETIN_COLUMNS.map((c) => (
                <th key={c.header} scope="col">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {content.rows.map((row) => (
              <tr key={row.unitId}>
                {BULLETIN_COLUMNS.map((c) => (
                  <td key={c.header}>{cellText(c.value(row), c.format)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>三、表扬</h2>
      <ul data-testid="bulletin-praised">
        {lines.praised.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2>四、通报批评</h2>
      <ul data-testid="bulletin-criticised">
        {lines.criticised.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2>五、工作要求</h2>
      <p>{requirement}</p>
      <p className="bulletin__annex-ref">附件：未熟练掌握执法人员名单</p>
      <p className="bulletin__signature">
        {content.issuer}
        <br />
        {chineseDate(content.issuedAt)}
        {content.scheduled ? '（系统按周自动印发）' : ''}
      </p>
      <section className="bulletin__annex" aria-labelledby="bulletin-annex">
        <h2 id="bulletin-annex">附件：未熟练掌握执法人员名单</h2>
        {content.annex.map((unit) => (
          <div key={unit.unitId} className="bulletin__annex-unit">
            <h3>
              {unit.name}（{unit.officers.length} 人）
            </h3>
            {unit.officers.length === 0 ? (
              <p>全部在册执法人员已熟练掌握。</p>
            ) : (
              <p className="bulletin__names" data-testid="annex-names">
                {unit.officers.map((o) => `${o.name}（${o.username}）`).join('、')}
              </p>
            )}
          </div>
        ))}
      </section>
    </article>
  );
}
