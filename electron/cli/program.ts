/**
 * The `ltc` command line: the same services as the desktop app, headless, for month-end scripts
 * and for testing the claim engine. Commands, flags and exit codes are an interface administrators
 * script against: extend them, never rename them.
 *   exit 0: done; 1: bad input (every problem listed on stderr); 2: internal error.
 */
import { Command, CommanderError } from 'commander';
import { DatabaseError } from '../services/db/errors';
import { InputError, ServiceError } from '../services/errors';
import { claimCommand } from './commands/claimCommand';
import { packageCommand, reconcileCommand, resultCommand, resultTemplateCommand, submitCommand, withdrawCommand } from './commands/claimFlowCommands';
import {
  backupCommand,
  checkCommand,
  demoCommand,
  encryptCommand,
  exportCommand,
  importCommand,
  recoverKeyCommand,
  restoreCommand,
} from './commands/dataCommands';
import { setCliKeyFile } from './keyFile';
import { planExportCommand, rotaExportCommand } from './commands/planningCommands';
import { inspectCommand, type InspectOptions } from './commands/inspectCommand';
import { verifyAuditCommand } from './commands/auditCommand';
import { userAddCommand, userDisableCommand, userListCommand, userResetCommand } from './commands/userCommands';
import { problemLines } from './report';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const EXIT = { ok: 0, badInput: 1, internal: 2 } as const;

function buildProgram(io: Io): Command {
  const program = new Command('ltc')
    .description('长护助手命令行：导入、结算、导出、备份、检查 (LTC Desk headless: import, claim, export, backup, check)')
    .version(__APP_VERSION__, '-V, --version', '显示版本')
    .helpOption('-h, --help', '显示帮助')
    .addHelpCommand(false)
    .showHelpAfterError('（用 ltc --help 查看用法）')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    // the database's key (decisions.md D37), for every command that opens one; before or after the command's name
    .option('--key-file <FILE>', '加密数据库的密钥文件（64 个十六进制字符）；打开加密的数据库时需要，新建的数据库用它加密')
    .hook('preAction', (root) => setCliKeyFile((root.opts() as { keyFile?: string }).keyFile));

  program
    .command('claim')
    .description('计算某月结算申报，输出 ltc-claim JSON (compute a month’s claim)')
    .requiredOption('--month <YYYY-MM>', '结算月份，例如 2026-10')
    .option('--dataset <FILE>', 'ltc-dataset 数据文件：导入临时数据库后计算，JSON 打印到标准输出')
    .option('--db <FILE>', '机构数据库文件')
    .option('--out <DIR>', '把 claim.json 写入此目录（标准输出只打印文件路径）')
    .option('--package', '与 --out 一起用：写入整个草稿申报包（claim.json、claim.xlsx、PDF、manifest.json），标准输出逐行打印文件路径')
    .action((o: { month: string; dataset?: string; db?: string; out?: string; package?: boolean }) => claimCommand(o, io.out, io.err));

  program
    .command('submit')
    .description('申报某月结算：冻结结算、生成申报包并保存（记录变为只读）')
    .requiredOption('--db <FILE>', '机构数据库文件')
    .requiredOption('--month <YYYY-MM>', '结算月份')
    .option('--out <DIR>', '把申报包写入此目录（写后逐个校验 SHA-256）；标准输出打印文件路径')
    .option('--accept-errors', '本月有错误时仍然申报（有错误的床日和服务不结算）')
    .option('--by <NAME>', '申报人（印在申报文件上；审计日志记当前系统用户），默认当前系统用户')
    .action((o: { db: string; month: string; out?: string; acceptErrors?: boolean; by?: string }) => submitCommand(o, io.out, io.err));

  program
    .command('package')
    .description('把已申报的申报包（数据库中冻结的文件）重新写出到目录：先逐个按申报时的 SHA-256 校验；标准输出打印文件路径')
    .requiredOption('--db <FILE>', '机构数据库文件')
    .requiredOption('--month <YYYY-MM>', '结算月份')
    .option('--seq <N>', '补报序号（默认 0：正常申报）')
    .requiredOption('--out <DIR>', '写入此目录')
    .action((o: { db: string; month: string; seq?: string; out: string }) => packageCommand(o, io.out, io.err));

  program
    .command('supplement')
    .description('补报：已申报月份中新发现的记录生成补报申报')
    .requiredOption('--db <FILE>', '机构数据库文件')
    .requiredOption('--month <YYYY-MM>', '结算月份')
    .option('--out <DIR>', '把补报申报包写入此目录')
    .option('--accept-errors', '有错误时仍然补报')
    .option('--by <NAME>', '申报人（印在申报文件上；审计日志记当前系统用户）')
    .action((o: { db: string; month: string; out?: string; acceptErrors?: boolean; by?: string }) =>
      submitCommand({ ...o, supplementary: true }, io.out, io.err),
    );

  program
    .command('withdraw')
    .description('撤回已申报、尚未导入审核结果的结算（申报文件保留为历史记录；撤回本月申报后记录恢复可修改，可重新申报）')
    .requiredOption('--db <FILE>', '机构数据库文件')
    .requiredOption('--month <YYYY-MM>', '结算月份')
    .requiredOption('--reason <TEXT>', '撤回原因（记入申报记录和审计日志）')
    .option('--seq <N>', '补报序号（默认 0：本月申报）')
    .option('--by <NAME>', '撤回人（记入申报记录；审计日志记当前系统用户），默认当前系统用户')
    .action((o: { db: string; month: string; reason: string; seq?: string; by?: string }) => withdrawCommand(o, io.err));

  program
    .command('result-template')
    .description('生成某月已申报结算的审核结果模板（.xlsx）')
    .requiredOption('--db <FILE>', '机构数据库文件')
    .requiredOption('--month <YYYY-MM>', '结算月份')
    .option('--seq <N>', '补报序号（默认 0：本月申报）')
    .argument('<OUT>', '输出的 .xlsx 文件')
    .action((out: string, o: { db: string; month: string; seq?: string }) => resultTemplateCommand(o, out, io.err));

  program
    .command('result')
    .description('导入经办机构审核结果（.xlsx 模板或 ltc-claim-result .json），结算变为已结算')
    .requiredOption('--db <FILE>', '机构数据库文件')
    .option('--month <YYYY-MM>', '结算月份（.json 文件自带月份）')
    .option('--seq <N>', '补报序号（默认 0）')
    .option('--replace', '已导入过审核结果时：导入经办机构更正后的审核结果，替换原结果（原结果保留为历史记录，记入审计日志）；须同时用 --reason 写明更正原因')
    .option('--reason <TEXT>', '更正原因（与 --replace 一起用；记入审核结果历史和审计日志）')
    .argument('<RESULT>', '审核结果文件')
    .action((file: string, o: { db: string; month?: string; seq?: string; replace?: boolean; reason?: string }) => resultCommand(o, file, io.err));

  program
    .command('reconcile')
    .description('对账：各月申报与实付、逐人结果、扣款原因（JSON 输出；--xlsx 时写成 Excel 对账表）')
    .requiredOption('--db <FILE>', '机构数据库文件')
    .option('--month <YYYY-MM>', '只看某月')
    .option('--xlsx <OUT>', '写成 Excel 对账表（金额以元计：按月、按人、扣款明细、拒付明细、原因），标准输出打印文件路径')
    .action((o: { db: string; month?: string; xlsx?: string }) => reconcileCommand(o, io.out, io.err));

  program
    .command('inspect')
    .description('检查准备：各月检查准备看板（board.json）、自查发现（JSON 和 .xlsx）、抽查（sample.json）和检查资料包 PDF，写入 --out 目录')
    .requiredOption('--db <FILE>', '机构数据库文件')
    .requiredOption('--from <YYYY-MM-DD>', '检查期间开始日期')
    .requiredOption('--to <YYYY-MM-DD>', '检查期间结束日期')
    .option('--sample <N>', '抽查人数（默认 5）')
    .option('--days <M>', '抽查天数（默认 3）')
    .option('--seed <S>', '随机种子（默认随机选取并打印，用同一种子可重复抽查）')
    .requiredOption('--out <DIR>', '输出目录')
    .action((o: InspectOptions) => inspectCommand(o, io.out, io.err));

  program
    .command('import')
    .description('把 ltc-dataset 数据文件导入数据库（全部成功或全部不导入）')
    .requiredOption('--db <FILE>', '数据库文件（不存在则创建）')
    .argument('<DATASET>', 'ltc-dataset .json 文件')
    .action((dataset: string, o: { db: string }) => importCommand(o.db, dataset, io.err));

  program
    .command('export')
    .description('把数据库导出为 ltc-dataset 数据文件')
    .requiredOption('--db <FILE>', '数据库文件')
    .argument('<OUT>', '输出的 .json 文件')
    .action((out: string, o: { db: string }) => exportCommand(o.db, out, io.err));

  program
    .command('check')
    .description('检查数据文件是否可以导入，或检查数据库完整性')
    .option('--db <FILE>', '数据库文件')
    .option('--dataset <FILE>', 'ltc-dataset 数据文件')
    .action((o: { db?: string; dataset?: string }) => checkCommand(o, io.err));

  program
    .command('verify-audit')
    .description('核对审计日志的哈希链是否完整：完整时打印“审计记录完整”，否则指出第一条断开的记录及原因（退出码 1）；只读')
    .requiredOption('--db <FILE>', '数据库文件')
    .option('--package <DIR...>', '已申报的申报包目录（可多个）：用其 manifest.json 记下的链头核对申报前的审计记录未被改写')
    .action((o: { db: string; package?: string[] }) => verifyAuditCommand(o, io.err));

  // Users of the window and the browser preview (decisions.md D35); the password comes on standard input.
  const user = program.command('user').description('管理登录用户（管理员、护士长、院长、录入员）；密码从标准输入的第一行读取');
  user
    .command('add')
    .description('添加用户（第一个用户应为管理员，并在标准输出给出其恢复码，只显示一次）：echo 密码 | ltc user add --db FILE --name 姓名 --role admin')
    .requiredOption('--db <FILE>', '数据库文件')
    .requiredOption('--name <NAME>', '用户名')
    .requiredOption('--role <ROLE>', '角色：admin（管理员）、head_nurse（护士长）、director（院长）、clerk（录入员），也可写中文')
    .action((o: { db: string; name: string; role: string }) => userAddCommand(o, io.err, io.out));
  user
    .command('list')
    .description('列出用户：用户名、角色、状态（制表符分隔）')
    .requiredOption('--db <FILE>', '数据库文件')
    .action((o: { db: string }) => userListCommand(o, io.out));
  user
    .command('reset-password')
    .description('重置用户的密码并解除锁定：echo 新密码 | ltc user reset-password --db FILE --name 姓名')
    .requiredOption('--db <FILE>', '数据库文件')
    .requiredOption('--name <NAME>', '用户名')
    .action((o: { db: string; name: string }) => userResetCommand(o, io.err));
  user
    .command('disable')
    .description('停用用户（不能再登录；审计日志中的记录保留）')
    .requiredOption('--db <FILE>', '数据库文件')
    .requiredOption('--name <NAME>', '用户名')
    .action((o: { db: string; name: string }) => userDisableCommand(o, true, io.err));
  user
    .command('enable')
    .description('重新启用已停用的用户')
    .requiredOption('--db <FILE>', '数据库文件')
    .requiredOption('--name <NAME>', '用户名')
    .action((o: { db: string; name: string }) => userDisableCommand(o, false, io.err));

  program
    .command('backup')
    .description('备份数据库到文件，并校验备份可用')
    .requiredOption('--db <FILE>', '数据库文件')
    .argument('<OUT>', '备份文件')
    .action((out: string, o: { db: string }) => backupCommand(o.db, out, io.err));

  program
    .command('encrypt')
    .description(
      '加密数据库（请先关闭长护助手）：先做一份校验过的备份，再生成加密的副本（SQLCipher 4），逐表核对、校验审计哈希链后替换原文件；--key-file 指定的文件不存在时生成新密钥写入',
    )
    .requiredOption('--db <FILE>', '要加密的数据库文件')
    .option('--encrypt-backups', '加密后，把 backups 文件夹中仍是明文的备份（包括加密前的这一份）也用同一密钥逐个加密')
    .action((o: { db: string; encryptBackups?: boolean }) => encryptCommand(o.db, io.err, { encryptBackups: o.encryptBackups }));

  program
    .command('recover-key')
    .description(
      '用恢复码取出长护助手程序加密的数据库的密钥（程序保存在数据库旁的 .key.json 中），写入 --key-file 指定的新文件：echo 恢复码 | ltc recover-key --db FILE --key-file K',
    )
    .requiredOption('--db <FILE>', '数据库文件（其旁边须有 .key.json）')
    .action((o: { db: string }) => recoverKeyCommand(o.db, io.err));

  program
    .command('restore')
    .description('从备份文件恢复数据库（请先关闭长护助手）；恢复前把现有数据库另存为 .before-restore-….bak')
    .requiredOption('--db <FILE>', '要恢复的数据库文件')
    .argument('<BACKUP>', '备份文件（ltc backup 或程序内“立即备份”生成）')
    .action((backup: string, o: { db: string }) => restoreCommand(o.db, backup, io.err));

  const rota = program.command('rota').description('排班：导出某月排班表').helpOption('-h, --help', '显示帮助').addHelpCommand(false);
  rota
    .command('export')
    .description('导出某月排班表：.pdf（A4 横向，每周一页，贴公告栏）或 .xlsx')
    .requiredOption('--db <FILE>', '机构数据库文件')
    .requiredOption('--month <YYYY-MM>', '月份，例如 2026-10')
    .requiredOption('--out <FILE>', '输出文件（.pdf 或 .xlsx）')
    .action((o: { db: string; month: string; out: string }) => rotaExportCommand(o, io.err));

  const plan = program.command('plan').description('服务计划与派单：导出派单').helpOption('-h, --help', '显示帮助').addHelpCommand(false);
  plan
    .command('export')
    .description('导出派单：--month 整月派单（.xlsx，含冲突）；--date 某天的派单表（.pdf 每位护理员一页，或 .xlsx 每人一个工作表）')
    .requiredOption('--db <FILE>', '机构数据库文件')
    .option('--month <YYYY-MM>', '整月派单')
    .option('--date <YYYY-MM-DD>', '某天的派单表')
    .option('--staff <REF|NAME>', '与 --date 一起用：只导出这位护理员的（员工编号或姓名）')
    .requiredOption('--out <FILE>', '输出文件（.xlsx；--date 时也可 .pdf）')
    .action((o: { db: string; month?: string; date?: string; staff?: string; out: string }) => planExportCommand(o, io.err));

  program
    .command('demo')
    .description('创建演示机构数据库（截至今天：约100名服务对象、床位、员工，最近三个整月和本月至今的上门服务）')
    .requiredOption('--db <FILE>', '新的数据库文件')
    .action((o: { db: string }) => demoCommand(o.db, io.err));

  return program;
}

/** Runs one command line; returns the exit code instead of exiting, so tests can call it. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const program = buildProgram(io);
  setCliKeyFile(undefined);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? EXIT.ok : EXIT.badInput;
    }
    if (e instanceof InputError) {
      io.err(`错误：${e.message}`);
      if (e.problems.length > 0) io.err(problemLines(e.problems));
      return EXIT.badInput;
    }
    // A refusal (already submitted, not found, locked month) is the user's to fix, not a crash.
    if (e instanceof ServiceError) {
      io.err(`错误：${e.message}`);
      if (e.problems.length > 0) io.err(problemLines(e.problems));
      return EXIT.badInput;
    }
    if (e instanceof DatabaseError) {
      io.err(`错误：${e.message}`);
      return EXIT.badInput;
    }
    io.err(`内部错误（请把以下信息发给技术支持）：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return EXIT.internal;
  }
}
