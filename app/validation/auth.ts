import { z } from './zod';

export const loginSchema = z.object({
  username: z.string({ error: '请输入用户名' }).trim().min(1, '请输入用户名').max(64, '用户名不能超过 64 个字符'),
  password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(256, '密码不能超过 256 个字符'),
  redirectTo: z.string().max(2048).optional(),
});
export type LoginInput = z.infer<typeof loginSchema>;
