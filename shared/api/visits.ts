/** 上门服务: home visits, live validity, CSV/xlsx import (owned by the visits feature). */

export const visitsApi = {};
