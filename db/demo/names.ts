import type { Prng } from '../../scenarios/prng';

// Common surnames, most frequent first; drawn with a skew towards the front, as in real rosters.
const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭',
  '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧', '程', '曹', '袁', '邓', '许', '傅',
  '沈', '曾', '彭', '吕', '苏', '卢', '蒋', '蔡', '贾', '丁', '魏', '薛', '叶', '阎', '余', '潘', '杜', '戴',
  '夏', '钟', '汪', '田', '任', '姜', '范', '方', '石', '姚', '谭', '廖', '邹', '熊', '金', '陆', '郝', '孔',
  '白', '崔', '康', '毛', '邱', '秦', '江', '史', '顾', '侯', '邵', '孟', '龙', '万', '段', '雷', '钱', '汤',
  '尹', '黎', '易', '常', '武', '乔', '贺', '赖', '龚', '文', '庞', '樊', '兰', '殷', '施', '陶', '洪', '翟',
] as const;

const GIVEN_CHARACTERS = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀',
  '霞', '平', '刚', '桂', '英', '华', '建', '国', '志', '文', '辉', '鹏', '宇', '浩', '凯', '健', '俊', '帆',
  '帅', '旭', '宁', '龙', '林', '欣', '颖', '晨', '阳', '佳', '琳', '雪', '梅', '丹', '海', '波', '斌', '峰',
  '亮', '飞', '鑫', '博', '文', '振', '红', '玉', '兰', '春', '燕', '玲', '彬', '东', '雨', '璐', '晓', '思',
  '嘉', '子', '一', '新', '立', '永', '德', '胜', '学', '成', '家', '兴', '金', '利', '荣', '庆', '忠', '卫',
] as const;

/** A plausible Chinese personal name: a surname and one or two given-name characters. */
export function generatePersonName(prng: Prng): string {
  // Square the draw so frequent surnames come up more often.
  const surname = SURNAMES[Math.floor(prng.next() ** 2 * SURNAMES.length)]!;
  const given = prng.next() < 0.35 ? prng.pick(GIVEN_CHARACTERS) : prng.pick(GIVEN_CHARACTERS) + prng.pick(GIVEN_CHARACTERS);
  return surname + given;
}
