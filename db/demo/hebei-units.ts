/**
 * Demo data: Hebei's 13 city-level areas and their 192 county-level enforcement units, as counted in the
 * Hebei Emergency Management Department's November 2023 notice (shared/data/hebei-coverage-2023-11.tsv).
 *
 * Division names and codes (GB/T 2260, current picture after the 2014–2020 re-zonings: 藁城/鹿泉/栾城,
 * 曹妃甸, 滦州, 肥乡/永年, 邢台's 襄都/信都/任泽/南和, 满城/清苑/徐水, 万全/崇礼, 平泉, 冀州) were checked
 * against the National Bureau of Statistics county-level table published in the public repository
 * modood/Administrative-divisions-of-China, file dist/areas.csv (commit 0b7fd75e6bd8fef6c63d7f02cfaf0a39b33fc199),
 * city codes against dist/cities.csv of the same repository. That table also lists development zones under
 * statistical-only codes (13xx7x); those are NOT GB/T 2260 divisions, so zones here get unit codes instead.
 *
 * Codes:
 * - kind 'division': a real GB/T 2260 six-digit code.
 * - kind 'non-division': `{cityCode}-{NN}`; `-00` is the city's own office (XX市本级), `-01`, `-02`, … the
 *   zones in list order. 雄安新区 is not a GB/T 2260 division: it gets the stable non-division code 133100
 *   (the 1331 prefix is unused by GB/T 2260; Hebei's prefecture-level codes run 1301–1311).
 *
 * Unit order: 市本级, then divisions in code order, then zones.
 *
 * Judgment calls (where the notice's count had to be matched):
 * - 石家庄市 22 = 本级 + 21 divisions; its zones (高新区, 循环化工园区) are not separate units. 辛集市
 *   (130181, province-administered) is its own area in the notice and is not counted under 石家庄.
 * - 唐山市 20 = 本级 + 14 divisions + 5 zones (芦台经济开发区, 汉沽管理区, 唐山高新技术产业开发区,
 *   海港经济开发区, 唐山国际旅游岛 — formerly 唐山湾国际旅游岛).
 * - 秦皇岛市 9: exactly the units of the Qinhuangdao table; 北戴河新区 is not a separate unit.
 * - 邯郸市 19 = 本级 + 18 divisions; 邯郸经济技术开发区 and 冀南新区 are not separate units.
 * - 邢台市 20 = 本级 + 18 divisions + 邢台经济开发区.
 * - 保定市 21 = 本级 + 20 divisions. 雄县/容城县/安新县 are administered by 雄安新区 and listed there only.
 *   定州市 (130682) is, like 辛集市, province-administered (the notice addresses "各市（含定州、辛集市）") and is
 *   left out of 保定's count, which then matches exactly; 保定高新区 and 白沟新城 are not separate units.
 * - 张家口市 20 = 本级 + 16 divisions + 3 zones (张家口经济开发区, 察北管理区, 塞北管理区).
 * - 承德市 13 = 本级 + 11 divisions + 承德高新技术产业开发区.
 * - 沧州市 17 = 本级 + 16 divisions; 沧州经济开发区, 沧州高新区 and 渤海新区 are not separate units.
 * - 廊坊市 12 = 本级 + 10 divisions + 廊坊经济技术开发区.
 * - 衡水市 14 = 本级 + 11 divisions + 2 zones (衡水高新技术产业开发区, 衡水滨湖新区).
 * - 辛集市 1 = 辛集市本级. 雄安新区 4 = 本级 + 雄县, 容城县, 安新县 (GB/T 2260 codes under 保定's 1306 prefix).
 */

export type DemoUnitKind = 'division' | 'non-division';

export interface DemoUnit {
  name: string;
  code: string;
  kind: DemoUnitKind;
}

export interface DemoCity {
  name: string;
  code: string;
  kind: DemoUnitKind;
  units: DemoUnit[];
}

export const HEBEI_PROVINCE = { name: '河北省', code: '130000' } as const;

export const HEBEI_CITIES: DemoCity[] = [
  {
    name: '石家庄市',
    code: '130100',
    kind: 'division',
    units: [
      { name: '石家庄市本级', code: '130100-00', kind: 'non-division' },
      { name: '长安区', code: '130102', kind: 'division' },
      { name: '桥西区', code: '130104', kind: 'division' },
      { name: '新华区', code: '130105', kind: 'division' },
      { name: '井陉矿区', code: '130107', kind: 'division' },
      { name: '裕华区', code: '130108', kind: 'division' },
      { name: '藁城区', code: '130109', kind: 'division' },
      { name: '鹿泉区', code: '130110', kind: 'division' },
      { name: '栾城区', code: '130111', kind: 'division' },
      { name: '井陉县', code: '130121', kind: 'division' },
      { name: '正定县', code: '130123', kind: 'division' },
      { name: '行唐县', code: '130125', kind: 'division' },
      { name: '灵寿县', code: '130126', kind: 'division' },
      { name: '高邑县', code: '130127', kind: 'division' },
      { name: '深泽县', code: '130128', kind: 'division' },
      { name: '赞皇县', code: '130129', kind: 'division' },
      { name: '无极县', code: '130130', kind: 'division' },
      { name: '平山县', code: '130131', kind: 'division' },
      { name: '元氏县', code: '130132', kind: 'division' },
      { name: '赵县', code: '130133', kind: 'division' },
      { name: '晋州市', code: '130183', kind: 'division' },
      { name: '新乐市', code: '130184', kind: 'division' },
    ],
  },
  {
    name: '唐山市',
    code: '130200',
    kind: 'division',
    units: [
      { name: '唐山市本级', code: '130200-00', kind: 'non-division' },
      { name: '路南区', code: '130202', kind: 'division' },
      { name: '路北区', code: '130203', kind: 'division' },
      { name: '古冶区', code: '130204', kind: 'division' },
      { name: '开平区', code: '130205', kind: 'division' },
      { name: '丰南区', code: '130207', kind: 'division' },
      { name: '丰润区', code: '130208', kind: 'division' },
      { name: '曹妃甸区', code: '130209', kind: 'division' },
      { name: '滦南县', code: '130224', kind: 'division' },
      { name: '乐亭县', code: '130225', kind: 'division' },
      { name: '迁西县', code: '130227', kind: 'division' },
      { name: '玉田县', code: '130229', kind: 'division' },
      { name: '遵化市', code: '130281', kind: 'division' },
      { name: '迁安市', code: '130283', kind: 'division' },
      { name: '滦州市', code: '130284', kind: 'division' },
      { name: '芦台经济开发区', code: '130200-01', kind: 'non-division' },
      { name: '汉沽管理区', code: '130200-02', kind: 'non-division' },
      {
        name: '唐山高新技术产业开发区',
        code: '130200-03',
        kind: 'non-division',
      },
      { name: '海港经济开发区', code: '130200-04', kind: 'non-division' },
      { name: '唐山国际旅游岛', code: '130200-05', kind: 'non-division' },
    ],
  },
  {
    name: '秦皇岛市',
    code: '130300',
    kind: 'division',
    units: [
      { name: '秦皇岛市本级', code: '130300-00', kind: 'non-division' },
      { name: '海港区', code: '130302', kind: 'division' },
      { name: '山海关区', code: '130303', kind: 'division' },
      { name: '北戴河区', code: '130304', kind: 'division' },
      { name: '抚宁区', code: '130306', kind: 'division' },
      { name: '青龙满族自治县', code: '130321', kind: 'division' },
      { name: '昌黎县', code: '130322', kind: 'division' },
      { name: '卢龙县', code: '130324', kind: 'division' },
      { name: '经济技术开发区', code: '130300-01', kind: 'non-division' },
    ],
  },
  {
    name: '邯郸市',
    code: '130400',
    kind: 'division',
    units: [
      { name: '邯郸市本级', code: '130400-00', kind: 'non-division' },
      { name: '邯山区', code: '130402', kind: 'division' },
      { name: '丛台区', code: '130403', kind: 'division' },
      { name: '复兴区', code: '130404', kind: 'division' },
      { name: '峰峰矿区', code: '130406', kind: 'division' },
      { name: '肥乡区', code: '130407', kind: 'division' },
      { name: '永年区', code: '130408', kind: 'division' },
      { name: '临漳县', code: '130423', kind: 'division' },
      { name: '成安县', code: '130424', kind: 'division' },
      { name: '大名县', code: '130425', kind: 'division' },
      { name: '涉县', code: '130426', kind: 'division' },
      { name: '磁县', code: '130427', kind: 'division' },
      { name: '邱县', code: '130430', kind: 'division' },
      { name: '鸡泽县', code: '130431', kind: 'division' },
      { name: '广平县', code: '130432', kind: 'division' },
      { name: '馆陶县', code: '130433', kind: 'division' },
      { name: '魏县', code: '130434', kind: 'division' },
      { name: '曲周县', code: '130435', kind: 'division' },
      { name: '武安市', code: '130481', kind: 'division' },
    ],
  },
  {
    name: '邢台市',
    code: '130500',
    kind: 'division',
    units: [
      { name: '邢台市本级', code: '130500-00', kind: 'non-division' },
      { name: '襄都区', code: '130502', kind: 'division' },
      { name: '信都区', code: '130503', kind: 'division' },
      { name: '任泽区', code: '130505', kind: 'division' },
      { name: '南和区', code: '130506', kind: 'division' },
      { name: '临城县', code: '130522', kind: 'division' },
      { name: '内丘县', code: '130523', kind: 'division' },
      { name: '柏乡县', code: '130524', kind: 'division' },
      { name: '隆尧县', code: '130525', kind: 'division' },
      { name: '宁晋县', code: '130528', kind: 'division' },
      { name: '巨鹿县', code: '130529', kind: 'division' },
      { name: '新河县', code: '130530', kind: 'division' },
      { name: '广宗县', code: '130531', kind: 'division' },
      { name: '平乡县', code: '130532', kind: 'division' },
      { name: '威县', code: '130533', kind: 'division' },
      { name: '清河县', code: '130534', kind: 'division' },
      { name: '临西县', code: '130535', kind: 'division' },
      { name: '南宫市', code: '130581', kind: 'division' },
      { name: '沙河市', code: '130582', kind: 'division' },
      { name: '邢台经济开发区', code: '130500-01', kind: 'non-division' },
    ],
  },
  {
    name: '保定市',
    code: '130600',
    kind: 'division',
    units: [
      { name: '保定市本级', code: '130600-00', kind: 'non-division' },
      { name: '竞秀区', code: '130602', kind: 'division' },
      { name: '莲池区', code: '130606', kind: 'division' },
      { name: '满城区', code: '130607', kind: 'division' },
      { name: '清苑区', code: '130608', kind: 'division' },
      { name: '徐水区', code: '130609', kind: 'division' },
      { name: '涞水县', code: '130623', kind: 'division' },
      { name: '阜平县', code: '130624', kind: 'division' },
      { name: '定兴县', code: '130626', kind: 'division' },
      { name: '唐县', code: '130627', kind: 'division' },
      { name: '高阳县', code: '130628', kind: 'division' },
      { name: '涞源县', code: '130630', kind: 'division' },
      { name: '望都县', code: '130631', kind: 'division' },
      { name: '易县', code: '130633', kind: 'division' },
      { name: '曲阳县', code: '130634', kind: 'division' },
      { name: '蠡县', code: '130635', kind: 'division' },
      { name: '顺平县', code: '130636', kind: 'division' },
      { name: '博野县', code: '130637', kind: 'division' },
      { name: '涿州市', code: '130681', kind: 'division' },
      { name: '安国市', code: '130683', kind: 'division' },
      { name: '高碑店市', code: '130684', kind: 'division' },
    ],
  },
  {
    name: '张家口市',
    code: '130700',
    kind: 'division',
    units: [
      { name: '张家口市本级', code: '130700-00', kind: 'non-division' },
      { name: '桥东区', code: '130702', kind: 'division' },
      { name: '桥西区', code: '130703', kind: 'division' },
      { name: '宣化区', code: '130705', kind: 'division' },
      { name: '下花园区', code: '130706', kind: 'division' },
      { name: '万全区', code: '130708', kind: 'division' },
      { name: '崇礼区', code: '130709', kind: 'division' },
      { name: '张北县', code: '130722', kind: 'division' },
      { name: '康保县', code: '130723', kind: 'division' },
      { name: '沽源县', code: '130724', kind: 'division' },
      { name: '尚义县', code: '130725', kind: 'division' },
      { name: '蔚县', code: '130726', kind: 'division' },
      { name: '阳原县', code: '130727', kind: 'division' },
      { name: '怀安县', code: '130728', kind: 'division' },
      { name: '怀来县', code: '130730', kind: 'division' },
      { name: '涿鹿县', code: '130731', kind: 'division' },
      { name: '赤城县', code: '130732', kind: 'division' },
      { name: '张家口经济开发区', code: '130700-01', kind: 'non-division' },
      { name: '察北管理区', code: '130700-02', kind: 'non-division' },
      { name: '塞北管理区', code: '130700-03', kind: 'non-division' },
    ],
  },
  {
    name: '承德市',
    code: '130800',
    kind: 'division',
    units: [
      { name: '承德市本级', code: '130800-00', kind: 'non-division' },
      { name: '双桥区', code: '130802', kind: 'division' },
      { name: '双滦区', code: '130803', kind: 'division' },
      { name: '鹰手营子矿区', code: '130804', kind: 'division' },
      { name: '承德县', code: '130821', kind: 'division' },
      { name: '兴隆县', code: '130822', kind: 'division' },
      { name: '滦平县', code: '130824', kind: 'division' },
      { name: '隆化县', code: '130825', kind: 'division' },
      { name: '丰宁满族自治县', code: '130826', kind: 'division' },
      { name: '宽城满族自治县', code: '130827', kind: 'division' },
      { name: '围场满族蒙古族自治县', code: '130828', kind: 'division' },
      { name: '平泉市', code: '130881', kind: 'division' },
      {
        name: '承德高新技术产业开发区',
        code: '130800-01',
        kind: 'non-division',
      },
    ],
  },
  {
    name: '沧州市',
    code: '130900',
    kind: 'division',
    units: [
      { name: '沧州市本级', code: '130900-00', kind: 'non-division' },
      { name: '新华区', code: '130902', kind: 'division' },
      { name: '运河区', code: '130903', kind: 'division' },
      { name: '沧县', code: '130921', kind: 'division' },
      { name: '青县', code: '130922', kind: 'division' },
      { name: '东光县', code: '130923', kind: 'division' },
      { name: '海兴县', code: '130924', kind: 'division' },
      { name: '盐山县', code: '130925', kind: 'division' },
      { name: '肃宁县', code: '130926', kind: 'division' },
      { name: '南皮县', code: '130927', kind: 'division' },
      { name: '吴桥县', code: '130928', kind: 'division' },
      { name: '献县', code: '130929', kind: 'division' },
      { name: '孟村回族自治县', code: '130930', kind: 'division' },
      { name: '泊头市', code: '130981', kind: 'division' },
      { name: '任丘市', code: '130982', kind: 'division' },
      { name: '黄骅市', code: '130983', kind: 'division' },
      { name: '河间市', code: '130984', kind: 'division' },
    ],
  },
  {
    name: '廊坊市',
    code: '131000',
    kind: 'division',
    units: [
      { name: '廊坊市本级', code: '131000-00', kind: 'non-division' },
      { name: '安次区', code: '131002', kind: 'division' },
      { name: '广阳区', code: '131003', kind: 'division' },
      { name: '固安县', code: '131022', kind: 'division' },
      { name: '永清县', code: '131023', kind: 'division' },
      { name: '香河县', code: '131024', kind: 'division' },
      { name: '大城县', code: '131025', kind: 'division' },
      { name: '文安县', code: '131026', kind: 'division' },
      { name: '大厂回族自治县', code: '131028', kind: 'division' },
      { name: '霸州市', code: '131081', kind: 'division' },
      { name: '三河市', code: '131082', kind: 'division' },
      { name: '廊坊经济技术开发区', code: '131000-01', kind: 'non-division' },
    ],
  },
  {
    name: '衡水市',
    code: '131100',
    kind: 'division',
    units: [
      { name: '衡水市本级', code: '131100-00', kind: 'non-division' },
      { name: '桃城区', code: '131102', kind: 'division' },
      { name: '冀州区', code: '131103', kind: 'division' },
      { name: '枣强县', code: '131121', kind: 'division' },
      { name: '武邑县', code: '131122', kind: 'division' },
      { name: '武强县', code: '131123', kind: 'division' },
      { name: '饶阳县', code: '131124', kind: 'division' },
      { name: '安平县', code: '131125', kind: 'division' },
      { name: '故城县', code: '131126', kind: 'division' },
      { name: '景县', code: '131127', kind: 'division' },
      { name: '阜城县', code: '131128', kind: 'division' },
      { name: '深州市', code: '131182', kind: 'division' },
      {
        name: '衡水高新技术产业开发区',
        code: '131100-01',
        kind: 'non-division',
      },
      { name: '衡水滨湖新区', code: '131100-02', kind: 'non-division' },
    ],
  },
  {
    name: '辛集市',
    code: '130181',
    kind: 'division',
    units: [{ name: '辛集市本级', code: '130181-00', kind: 'non-division' }],
  },
  {
    name: '雄安新区',
    code: '133100',
    kind: 'non-division',
    units: [
      { name: '雄安新区本级', code: '133100-00', kind: 'non-division' },
      { name: '雄县', code: '130638', kind: 'division' },
      { name: '容城县', code: '130629', kind: 'division' },
      { name: '安新县', code: '130632', kind: 'division' },
    ],
  },
];
