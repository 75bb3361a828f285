/** 员工与证书: staff and certificates (owned by the staff feature). */

export const staffApi = {};
