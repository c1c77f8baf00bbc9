import type { Role } from '../../db/schema';

/** Chinese names of the roles, as the UI shows them. */
export const ROLE_LABELS: Record<Role, string> = {
  officer: '执法人员',
  trainer: '培训员',
  manager: '管理员',
  admin: '系统管理员',
};

/** Where each role lands after login. */
export const ROLE_HOME: Record<Role, string> = {
  officer: '/officer',
  trainer: '/trainer',
  manager: '/manager',
  admin: '/admin',
};

/** The navigation each role sees in the header. */
export const ROLE_NAV: Record<Role, { to: string; label: string }[]> = {
  officer: [{ to: '/officer', label: '我的练兵' }],
  trainer: [
    { to: '/trainer', label: '辖区单位' },
    { to: '/assignments', label: '练兵任务' },
    { to: '/catalogue', label: '场景目录' },
  ],
  manager: [
    { to: '/manager', label: '单位概况' },
    { to: '/reports', label: '练兵达标' },
    { to: '/assignments', label: '练兵任务' },
    { to: '/reports/bulletins', label: '练兵通报' },
  ],
  admin: [
    { to: '/admin', label: '用户管理' },
    { to: '/admin/users/new', label: '新建用户' },
    { to: '/units', label: '单位' },
    { to: '/reports', label: '练兵达标' },
    { to: '/reports/bulletins', label: '练兵通报' },
  ],
};

export const UNIT_LEVEL_LABELS = { province: '省级', city: '市级', county: '县级' } as const;
