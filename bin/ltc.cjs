#!/usr/bin/env node
// `ltc`: the command line of 长护助手. The TypeScript sources are built into out/main by
// `npm run build` (which `npm install` runs through the prepare script).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const built = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(built)) {
  process.stderr.write('ltc 尚未构建：请先在项目目录运行 npm run build (ltc is not built yet: run `npm run build`)\n');
  process.exit(2);
}
require(built);
