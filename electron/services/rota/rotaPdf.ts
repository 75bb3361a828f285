/**
 * 排班表 PDF for the notice board: A4 landscape, one page per calendar week (Monday–Sunday) touching the
 * month, staff × 7 days with each shift's name on its colour, the week's paid hours per person, and
 * 应配/实配 per shift under the grid (a shortfall in red). Rendered by the PDF worker pool in the built app.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { addDays, isoWeekday } from '../../../shared/domain/dates';
import { PDF_CREATOR, PDF_FONT } from '../documents/pdfBase';
import { findPdfFonts } from '../documents/fonts';
import { renderPdfs, type PdfmakeSpec } from '../documents/renderPool';
import { shiftLegend, WEEKDAYS, type RotaSheet } from './rotaSheet';

const MARGINS: [number, number, number, number] = [28, 28, 28, 32];

function weekPage(sheet: RotaSheet, monday: string, first: boolean): Content[] {
  const { view } = sheet;
  const days = Array.from({ length: 7 }, (_v, i) => addDays(monday, i));
  const inMonth = (d: string) => d >= view.from && d <= view.to;
  const head: TableCell[] = [
    { text: '姓名', bold: true },
    { text: '岗位', bold: true },
    ...days.map((d): TableCell => ({
      text: `${d.slice(5)}\n周${WEEKDAYS[isoWeekday(d)]}`,
      bold: true,
      alignment: 'center',
      color: inMonth(d) ? '#000000' : '#999999',
    })),
    { text: '周工时', bold: true, alignment: 'center' },
  ];
  const body: TableCell[][] = [head];
  for (const r of sheet.rows) {
    let minutes = 0;
    const cells = days.map((d): TableCell => {
      const t = inMonth(d) ? r.shifts.get(d) : undefined;
      if (t?.kind === 'work') minutes += t.paidMinutes;
      return t ? { text: t.name, alignment: 'center', fillColor: t.color } : { text: inMonth(d) ? '' : '—', alignment: 'center', color: '#999999' };
    });
    body.push([{ text: `${r.name}` }, { text: r.role }, ...cells, { text: String(Math.round((minutes / 60) * 10) / 10), alignment: 'center' }]);
  }
  for (const t of view.shiftTypes) {
    const row = days.map((d): TableCell => {
      const c = sheet.check.coverage.find((x) => x.date === d && x.shiftTypeId === t.id);
      if (!c) return { text: '' };
      return { text: `${c.required}/${c.assigned}`, alignment: 'center', ...(c.assigned < c.required ? { color: '#c00000', bold: true } : {}) };
    });
    if (row.every((c) => (c as { text: string }).text === '')) continue;
    body.push([{ text: `${t.name} 应配/实配`, colSpan: 2, fontSize: 7.5 }, { text: '' }, ...row, { text: '' }]);
  }
  const status = view.published ? `已发布：${view.published.by} ${view.published.at.slice(0, 10)}` : '草稿（未发布）';
  return [
    { text: `排班表 ${monday} 至 ${addDays(monday, 6)}`, fontSize: 15, bold: true, alignment: 'center', ...(first ? {} : { pageBreak: 'before' as const }) },
    { text: `${view.month}\u3000${status}`, fontSize: 9, alignment: 'center', margin: [0, 2, 0, 8] },
    { table: { headerRows: 1, widths: [60, 40, '*', '*', '*', '*', '*', '*', '*', 40], body }, layout: 'lightHorizontalLines', fontSize: 9 },
    { text: `班次：${shiftLegend(view.shiftTypes)}`, fontSize: 7.5, color: '#444444', margin: [0, 8, 0, 0] },
  ];
}

export function rotaPdfSpec(sheet: RotaSheet, institution: string, generatedOn: string): PdfmakeSpec {
  const content = sheet.weeks.flatMap((w, i) => weekPage(sheet, w, i === 0));
  const when = new Date(`${generatedOn}T00:00:00`);
  return {
    dd: {
      pageSize: 'A4',
      pageOrientation: 'landscape',
      pageMargins: MARGINS,
      info: { title: `排班表（${sheet.view.month}）`, author: institution, creator: PDF_CREATOR, producer: PDF_CREATOR, creationDate: when, modDate: when },
      defaultStyle: { font: PDF_FONT, fontSize: 9 },
      content,
    },
    footer: { left: `${institution} · 排班表 · ${sheet.view.month}`, right: '第 {page} / {pages} 页', margin: [MARGINS[0], 10, MARGINS[2], 0] },
  };
}

export async function rotaPdf(sheet: RotaSheet, institution: string, generatedOn: string): Promise<{ bytes: Uint8Array; pages: number }> {
  const [pdf] = await renderPdfs([{ name: 'rota.pdf', build: () => rotaPdfSpec(sheet, institution, generatedOn) }], { fonts: findPdfFonts(), workers: 1 });
  if (!pdf) throw new Error('rota pdf not rendered');
  return { bytes: pdf.bytes, pages: pdf.pages };
}
