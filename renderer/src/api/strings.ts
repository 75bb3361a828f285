/** The API client's words (zh-CN): what the window says when it cannot reach the services or a job fails. */
export const S = {
  notConnected: '未连接到长护助手服务：请从桌面程序或 npm run web 打开本页面',
  progressLost: (message: string) => `无法获取处理进度（${message}）。请刷新页面查看结果，不要重复操作。`,
  jobFailed: '处理失败，数据未改动。请重试。',
} as const;
