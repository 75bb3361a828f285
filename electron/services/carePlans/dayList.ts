/**
 * Each caregiver's day list (派单表): time, client, address, items, for the caregiver's phone (.xlsx) or
 * paper (PDF, a page per caregiver). Visits nobody has yet are listed under 未派.
 */
import { excel } from '../spreadsheet/excel';
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { FileDownload } from '../../../shared/api/define';
import type { LocalDate } from '../../../shared/domain/model';
import type { LtcDatabase } from '../db/database';
import { readInstitution } from '../dataset/institutionRows';
import { findPdfFonts } from '../documents/fonts';
import { PDF_CREATOR, PDF_FONT } from '../documents/pdfBase';
import { renderPdfs } from '../documents/renderPool';
import { XLSX_MIME } from '../spreadsheet/mime';
import { ServiceError } from '../errors';
import { requirePolicy } from './planFacts';
import { scheduleView } from './scheduleStore';
import { CONFLICT_NAMES } from '../../../shared/plans/conflicts';

interface Line {
  start: string;
  end: string;
  client: string;
  address: string;
  items: string;
}

const end = (start: string, minutes: number) => {
  const m = Number(start.slice(0, 2)) * 60 + Number(start.slice(3, 5)) + minutes;
  return `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

export function dayLines(db: LtcDatabase, date: LocalDate, staffId?: number): Map<string, Line[]> {
  const names = new Map(requirePolicy(db.raw).catalogue.items.map((i) => [i.code, i.name]));
  const view = scheduleView(db, date.slice(0, 7));
  const out = new Map<string, Line[]>();
  for (const v of view.visits) {
    if (v.date !== date || (staffId !== undefined && v.staffId !== staffId)) continue;
    const who = v.staffName ?? '未派';
    out.set(who, [
      ...(out.get(who) ?? []),
      {
        start: v.start,
        end: end(v.start, v.minutes),
        client: v.residentName,
        address: v.address ?? '',
        items: v.items.map((c) => names.get(c) ?? c).join('、'),
      },
    ]);
  }
  if (out.size === 0) throw new ServiceError('NOT_FOUND', `${date} 没有派单${staffId !== undefined ? '（该护理员）' : ''}`);
  return out;
}

export async function dayListFile(db: LtcDatabase, date: LocalDate, staffId: number | undefined, format: 'xlsx' | 'pdf'): Promise<FileDownload> {
  const lines = dayLines(db, date, staffId);
  const who = staffId !== undefined ? `-${[...lines.keys()][0]}` : '';
  if (format === 'xlsx') {
    const wb = new (excel().Workbook)();
    wb.creator = '长护助手';
    for (const [name, list] of lines) {
      const ws = wb.addWorksheet(name.slice(0, 31));
      ws.addRow([`${name} ${date} 上门服务单`]).font = { bold: true, size: 13 };
      ws.addRow(['开始', '结束', '服务对象', '地址', '服务项目']).font = { bold: true };
      for (const l of list) ws.addRow([l.start, l.end, l.client, l.address, l.items]);
      [8, 8, 10, 36, 50].forEach((w, i) => (ws.getColumn(i + 1).width = w));
    }
    return { name: `派单表-${date}${who}.xlsx`, mime: XLSX_MIME, base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
  }
  const institution = readInstitution(db.raw)?.name ?? '本机构';
  const content: Content[] = [...lines].flatMap(([name, list], i): Content[] => [
    { text: `${name} ${date} 上门服务单`, fontSize: 15, bold: true, ...(i > 0 ? { pageBreak: 'before' as const } : {}) },
    { text: institution, fontSize: 9, margin: [0, 2, 0, 8] },
    {
      table: {
        headerRows: 1,
        widths: [60, 60, '*', '*'],
        body: [
          ['时间', '服务对象', '地址', '服务项目'].map((t): TableCell => ({ text: t, bold: true })),
          ...list.map((l): TableCell[] => [{ text: `${l.start}–${l.end}` }, { text: l.client }, { text: l.address }, { text: l.items }]),
        ],
      },
      layout: 'lightHorizontalLines',
    },
  ]);
  const when = new Date(`${date}T00:00:00`);
  const [pdf] = await renderPdfs(
    [
      {
        name: 'day.pdf',
        build: () => ({
          dd: {
            pageSize: 'A4',
            pageMargins: [36, 36, 36, 40],
            info: { title: `派单表（${date}）`, creator: PDF_CREATOR, producer: PDF_CREATOR, creationDate: when, modDate: when },
            defaultStyle: { font: PDF_FONT, fontSize: 10 },
            content,
          },
          footer: { left: `${institution} · 派单表 · ${date}`, right: '第 {page} / {pages} 页', margin: [36, 12, 36, 0] },
        }),
      },
    ],
    { fonts: findPdfFonts(), workers: 1 },
  );
  return { name: `派单表-${date}${who}.pdf`, mime: 'application/pdf', base64: Buffer.from(pdf!.bytes).toString('base64') };
}

/**
 * The month's 派单 as a workbook (for `ltc plan export --month`): every planned visit in date and time
 * order with its caregiver (未派 when none) and the conflicts it is in; a second sheet lists the conflicts.
 */
export async function monthScheduleWorkbook(db: LtcDatabase, month: string): Promise<FileDownload> {
  const names = new Map(requirePolicy(db.raw).catalogue.items.map((i) => [i.code, i.name]));
  const view = scheduleView(db, month);
  const kinds = new Map<number, string[]>();
  for (const c of view.conflicts) for (const id of c.visitIds) kinds.set(id, [...(kinds.get(id) ?? []), CONFLICT_NAMES[c.kind]]);
  const wb = new (excel().Workbook)();
  wb.creator = '长护助手';
  const ws = wb.addWorksheet('派单');
  ws.addRow([`${readInstitution(db.raw)?.name ?? '本机构'} ${month} 派单（${view.visits.length} 次）`]).font = { bold: true, size: 13 };
  ws.addRow(['日期', '开始', '结束', '服务对象', '地址', '护理员', '服务项目', '冲突']).font = { bold: true };
  for (const v of view.visits)
    ws.addRow([
      v.date,
      v.start,
      end(v.start, v.minutes),
      v.residentName,
      v.address ?? '',
      v.staffName ?? '未派',
      v.items.map((c) => names.get(c) ?? c).join('、'),
      (kinds.get(v.id) ?? []).join('、'),
    ]);
  [12, 8, 8, 10, 36, 10, 40, 16].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const cs = wb.addWorksheet('冲突');
  cs.addRow(['类型', '说明']).font = { bold: true };
  for (const c of view.conflicts) cs.addRow([CONFLICT_NAMES[c.kind], c.message]);
  [14, 90].forEach((w, i) => (cs.getColumn(i + 1).width = w));
  return { name: `派单-${month}.xlsx`, mime: XLSX_MIME, base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}
