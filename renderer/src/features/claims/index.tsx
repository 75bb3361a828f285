import type { RouteObject } from 'react-router';
import { Placeholder } from '../../ui/Placeholder';

export const claimsRoutes: RouteObject[] = [
  { path: 'claims', element: <Placeholder title="月度结算" hint="结算界面即将提供；目前可用命令行完成：npx ltc claim --db 数据库文件 --month YYYY-MM --out 输出目录" /> },
];
