/** 审计日志: who changed what and when (owned by the audit feature). */

export const auditApi = {};
