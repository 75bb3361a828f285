/** 花名册导入: the Excel roster template, preview and import (owned by the roster feature). */

export const rosterApi = {};
