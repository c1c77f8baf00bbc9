import { z } from 'zod';

// Chinese default messages for every schema; fields override them where a domain message reads better.
z.config(z.locales.zhCN());

export { z };
