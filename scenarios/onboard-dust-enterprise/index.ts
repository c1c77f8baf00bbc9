/** 企业入库：木质家具企业（粉尘涉爆），申请表统一社会信用代码有笔误、漏报专项. */
// Defined as data (./spec.ts): the same spec a trainer's 复制为新场景 starts from.
import { builtInFromSpec } from '../authoring/spec';
import { spec } from './spec';

export const onboardDustEnterprise = builtInFromSpec(spec);
