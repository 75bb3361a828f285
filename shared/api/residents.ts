/** 服务对象: residents and clients, their assessments and stay timelines (owned by the residents feature). */

export const residentsApi = {};
