/** The issued 通报 as XLSX (exceljs) and Word .docx (docx), from its stored content only. */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import {
  BULLETIN_COLUMNS,
  cellText,
  chineseDate,
  namedLines,
  summaryItems,
  XLSX_FORMATS,
  type CellFormat,
} from '../ui/bulletin';
import { neutralizeCell } from '../utils/export-cells';
import type { BulletinContent } from '../validation/bulletin';

/** Sheets 排名 (the page's ranking columns and values), 未达标人员 (the annex) and 概况 (summary and text). */
export async function bulletinWorkbook(content: BulletinContent): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(content.issuedAt);
  const sheet = (
    name: string,
    headers: { header: string; width: number; format?: CellFormat }[],
    rows: (string | number)[][],
  ) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = headers.map((h) => ({
      header: h.header,
      width: h.width,
      style: h.format ? { numFmt: XLSX_FORMATS[h.format] } : {},
    }));
    ws.getRow(1).font = { bold: true };
    for (const row of rows) ws.addRow(row.map(neutralizeCell));
  };
  sheet(
    '排名',
    BULLETIN_COLUMNS,
    content.rows.map((row) => BULLETIN_COLUMNS.map((c) => c.value(row))),
  );
  sheet(
    '未达标人员',
    [
      { header: '单位', width: 16 },
      { header: '姓名', width: 10 },
      { header: '用户名', width: 16 },
      { header: '未掌握科目', width: 36 },
    ],
    content.annex.flatMap((unit) => unit.officers.map((o) => [unit.name, o.name, o.username, o.missing.join('、')])),
  );
  const lines = namedLines(content);
  sheet(
    '概况',
    [
      { header: '项目', width: 26 },
      { header: '内容', width: 90 },
    ],
    [
      ['标题', content.title],
      ['文号', content.number],
      ['印发单位', content.issuer],
      ['印发日期', chineseDate(content.issuedAt)],
    ],
  );
  const summary = workbook.getWorksheet('概况')!;
  for (const [label, value, format] of summaryItems(content)) {
    const row = summary.addRow([label, neutralizeCell(value)]);
    if (format) row.getCell(2).numFmt = XLSX_FORMATS[format];
  }
  for (const [label, value] of [
    ...content.paragraphs.map((p, i): [string, string] => [`正文 ${i + 1}`, p]),
    ...lines.praised.map((p): [string, string] => ['表扬', p]),
    ...lines.criticised.map((p): [string, string] => ['通报批评', p]),
  ])
    summary.addRow([label, neutralizeCell(value)]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const BODY_FONT = '仿宋';
const HEADING_FONT = '黑体';
const TITLE_FONT = '宋体';

const text = (value: string, options: { font?: string; size?: number; bold?: boolean } = {}) =>
  new TextRun({ text: value, font: options.font ?? BODY_FONT, size: options.size ?? 32, bold: options.bold });

const body = (value: string) =>
  new Paragraph({ children: [text(value)], indent: { firstLine: 640 }, spacing: { line: 560 } });
const heading = (value: string) =>
  new Paragraph({
    children: [text(value, { font: HEADING_FONT })],
    indent: { firstLine: 640 },
    spacing: { line: 560 },
  });

function cell(value: string, bold = false) {
  return new TableCell({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [text(value, { size: 18, bold, font: TITLE_FONT })] }),
    ],
  });
}

/** A Word-compatible .docx: title, number, period, the text, the ranking table and the annex. */
export async function bulletinDocx(content: BulletinContent): Promise<Uint8Array<ArrayBuffer>> {
  const lines = namedLines(content);
  const [intro, ...rest] = content.paragraphs;
  const requirement = rest.pop() ?? '';
  const ranking = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: BULLETIN_COLUMNS.map((c) => cell(c.header, true)) }),
      ...content.rows.map(
        (row) => new TableRow({ children: BULLETIN_COLUMNS.map((c) => cell(cellText(c.value(row), c.format))) }),
      ),
    ],
  });
  const document = new Document({
    creator: content.issuer,
    title: content.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: 32 } } } },
    sections: [
      {
        properties: {
          page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } },
        },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [text(content.number)] }),
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            spacing: { before: 240, after: 240 },
            children: [text(content.title, { font: TITLE_FONT, size: 44, bold: true })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [text(`（${content.period.from} 至 ${content.period.to}）`)],
          }),
          new Paragraph({ children: [text(`各${content.scope.level === 'province' ? '市' : ''}执法单位：`)] }),
          body(intro ?? ''),
          heading('一、总体情况'),
          ...rest.map(body),
          heading('二、各单位排名'),
          ranking,
          heading('三、表扬'),
          ...lines.praised.map(body),
          heading('四、通报批评'),
          ...lines.criticised.map(body),
          heading('五、工作要求'),
          body(requirement),
          body('附件：未熟练掌握执法人员名单'),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(content.issuer)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(chineseDate(content.issuedAt))] }),
          new Paragraph({
            pageBreakBefore: true,
            children: [text('附件：未熟练掌握执法人员名单', { font: HEADING_FONT })],
          }),
          ...content.annex.flatMap((unit) => [
            new Paragraph({ children: [text(`${unit.name}（${unit.officers.length} 人）`, { font: HEADING_FONT })] }),
            body(
              unit.officers.length === 0
                ? '全部在册执法人员已熟练掌握。'
                : unit.officers.map((o) => `${o.name}（${o.username}）`).join('、'),
            ),
          ]),
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  const bytes = new Uint8Array(new ArrayBuffer(buffer.byteLength));
  bytes.set(buffer);
  return bytes;
}
