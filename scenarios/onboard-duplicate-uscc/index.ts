/**
 * 企业入库：已入库企业再次申请，申请表名称写错、统一社会信用代码校验位不通过；按营业执照上的代码
 * 找到已入库记录并更新，而不是按名称找到相似的另一家企业或新建一条.
 */
// Defined as data (./spec.ts): the same spec a trainer's 复制为新场景 starts from.
import { builtInFromSpec } from '../authoring/spec';
import { spec } from './spec';

export const onboardDuplicateUscc = builtInFromSpec(spec);
