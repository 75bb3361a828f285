/**
 * `ltc user add|list|reset-password|disable|enable` (decisions.md D35): the administrator's way to manage
 * the users of a file without the window (the first 管理员 of an institution set up by script, a password
 * forgotten by everyone). The command acts as the OS user, as every `ltc` command does: whoever can read
 * the file has its data anyway. The password is read from the first line of standard input (never an
 * argument: a command line is visible to every user of the machine in the process list).
 */
import { ROLE_NAMES, ROLES, PASSWORD_MIN, type Role } from '../../../shared/api/auth';
import { addUser, issueRecoveryCode, listUsers, resetPassword, setDisabled, userCount } from '../../services/auth/users';
import { openDatabase, type LtcDatabase } from '../../services/db/database';
import { cliKey } from '../keyFile';
import { InputError, ServiceError } from '../../services/errors';
import { requireExisting } from '../io';
import { cliActor } from './dataCommands';
import { resolve } from 'node:path';

async function withDb<T>(file: string, fn: (db: LtcDatabase) => Promise<T> | T): Promise<T> {
  const db = openDatabase(resolve(file), { key: cliKey() });
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

/** The password: the first line of standard input. */
async function readPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const password = (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trim();
  if (password.length < PASSWORD_MIN) throw new InputError(`请从标准输入给出密码（第一行），至少 ${PASSWORD_MIN} 位，例如：echo 密码 | ltc user add …`);
  return password;
}

function roleOf(text: string): Role {
  const role = ROLES.find((r) => r === text || ROLE_NAMES[r] === text);
  if (!role) throw new InputError(`角色“${text}”不对，应为 ${ROLES.map((r) => `${ROLE_NAMES[r]}（${r}）`).join('、')}`);
  return role;
}

function idOf(db: LtcDatabase, name: string): number {
  const u = listUsers(db).find((x) => x.name.toLowerCase() === name.trim().toLowerCase());
  if (!u) throw new ServiceError('NOT_FOUND', `没有名为“${name}”的用户（ltc user list 列出全部用户）`);
  return u.id;
}

/**
 * The first 管理员 gets a recovery code, as the window's 首次使用 gives one: printed once on standard output
 * (a script keeps it), never stored but as a hash. It resets her password when forgotten, and keeps the
 * database's key when the file is encrypted (加密数据库 wraps the key under it; decisions.md D37).
 */
export async function userAddCommand(o: { db: string; name: string; role: string }, log: (s: string) => void, out: (s: string) => void): Promise<void> {
  requireExisting(o.db, '数据库文件');
  const role = roleOf(o.role);
  const password = await readPassword();
  await withDb(o.db, async (db) => {
    const first = userCount(db) === 0;
    if (first && role !== 'admin') throw new InputError(`第一个用户应为${ROLE_NAMES.admin}（--role admin）`);
    const u = await addUser(db, { name: o.name, role, password }, cliActor());
    log(`已添加用户：${u.name}（${ROLE_NAMES[u.role]}）`);
    if (!first) return;
    out(await issueRecoveryCode(db, u.id, cliActor()));
    log('上面一行是这位管理员的恢复码，只显示这一次：请打印或抄下并妥善保管。忘记密码、在另一台电脑上打开加密的数据库时需要它。');
  });
}

export async function userListCommand(o: { db: string }, out: (s: string) => void): Promise<void> {
  requireExisting(o.db, '数据库文件');
  await withDb(o.db, (db) => {
    for (const u of listUsers(db)) {
      out([u.name, ROLE_NAMES[u.role], u.disabled ? '已停用' : u.lockedUntil ? `已锁定至 ${u.lockedUntil.slice(11, 16)}` : '正常'].join('\t'));
    }
  });
}

export async function userResetCommand(o: { db: string; name: string }, log: (s: string) => void): Promise<void> {
  requireExisting(o.db, '数据库文件');
  const password = await readPassword();
  await withDb(o.db, async (db) => {
    const u = await resetPassword(db, idOf(db, o.name), password, cliActor());
    log(`已重置 ${u.name} 的密码（并解除锁定）`);
  });
}

export async function userDisableCommand(o: { db: string; name: string }, disabled: boolean, log: (s: string) => void): Promise<void> {
  requireExisting(o.db, '数据库文件');
  await withDb(o.db, (db) => {
    setDisabled(db, idOf(db, o.name), disabled, cliActor(), null);
    log(`${disabled ? '已停用' : '已启用'}用户：${o.name.trim()}`);
  });
}
