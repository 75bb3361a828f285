/** The MIME type every .xlsx the services hand out is sent with (templates, the package workbook, reports). */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
