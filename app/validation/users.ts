import { ROLES } from '../../db/schema';
import { plainText, z } from './zod';

const username = z
  .string({ error: '请输入用户名' })
  .trim()
  .superRefine(plainText('用户名'))
  // abort: an empty field gets one message, not every rule it also breaks.
  .min(1, { error: '请输入用户名', abort: true })
  .min(3, '用户名至少 3 个字符')
  .max(32, '用户名不能超过 32 个字符')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, '用户名只能包含小写字母、数字、点、下划线和连字符，并以字母或数字开头');

const displayName = z
  .string({ error: '请输入姓名' })
  .trim()
  .superRefine(plainText('姓名'))
  .min(1, '请输入姓名')
  .max(32, '姓名不能超过 32 个字符');

const password = z
  .string({ error: '请输入密码' })
  .min(1, { error: '请输入密码', abort: true })
  .min(8, '密码至少 8 个字符')
  .max(128, '密码不能超过 128 个字符');

const role = z.enum(ROLES, { error: '请选择有效的角色' });
const unitCode = z.string({ error: '请选择所属单位' }).trim().min(1, '请选择所属单位').max(16, '单位代码无效');

export const createUserSchema = z.object({ username, displayName, password, role, unitCode });
export type CreateUserInput = z.infer<typeof createUserSchema>;

/** The edit page's forms, told apart by `intent`. */
export const updateUserSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('reassign'), displayName, role, unitCode }),
    z.object({ intent: z.literal('disable') }),
    z.object({ intent: z.literal('enable') }),
    z.object({ intent: z.literal('resetPassword'), password }),
    z.object({ intent: z.literal('unlockLogin') }),
  ],
  { error: '未知的操作' },
);
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const userListQuerySchema = z.object({
  q: z.string().trim().max(64).optional().catch(undefined),
  role: role.optional().catch(undefined),
  unit: z.string().trim().max(16).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
