/**
 * Chinese names for the demo's people. Given names follow the generation: residents born 1930–1960
 * carry the names of their time (Ningbo women's 娣 names, 建国 for the 1949 generation), staff born
 * 1970–2000 the names of theirs. Each list is for one sex only, so the ID number's sex digit can
 * agree with the name (a reviewer reading 王秀英 expects a woman). All surnames have one character.
 */
import { Weighted, type Rng } from './prng';

export type Sex = 'male' | 'female';

/** Rough frequencies for Ningbo: 陈, 王, 徐 lead; local names such as 应, 俞, 竺, 忻 appear. */
const SURNAMES = new Weighted<string>([
  ['陈', 8], ['王', 7], ['张', 5], ['徐', 5], ['李', 4], ['周', 4], ['林', 4], ['胡', 3], ['朱', 3],
  ['吴', 3], ['应', 2], ['邵', 2], ['俞', 2], ['孙', 2], ['杨', 2], ['董', 2], ['毛', 2], ['郑', 2],
  ['黄', 2], ['刘', 2], ['金', 2], ['赵', 1.5], ['施', 1.5], ['沈', 1.5], ['蒋', 1.5], ['叶', 1.5],
  ['钱', 1], ['范', 1], ['史', 1], ['卢', 1], ['袁', 1], ['冯', 1], ['舒', 1], ['方', 1], ['谢', 1],
  ['何', 1], ['汪', 1], ['傅', 1], ['余', 1], ['姚', 1], ['包', 0.8], ['贺', 0.8], ['任', 0.8],
  ['戴', 0.8], ['竺', 0.6], ['柴', 0.6], ['虞', 0.6], ['鲍', 0.6], ['江', 0.6], ['忻', 0.5],
]);

export const ELDER_MALE_NAMES: readonly string[] = [
  '建国', '国强', '志明', '德明', '福根', '阿根', '金华', '根发', '永康', '宝林', '海龙', '忠良',
  '国良', '培德', '明德', '文华', '家祥', '振华', '德胜', '惠民', '关林', '金根', '荣富', '长生',
  '雪根', '兴法', '如松', '正华', '玉林', '世昌', '立新', '建华', '卫国', '国平', '国庆', '阿毛',
  '顺发', '财根', '仁康', '祖良', '纪明', '祥林', '洪福', '桂生', '炳荣', '友根', '维德', '士明',
  '安民', '援朝', '福康', '信尧',
];

export const ELDER_FEMALE_NAMES: readonly string[] = [
  '秀英', '桂英', '玉兰', '秀兰', '凤英', '素珍', '淑芬', '月娥', '美娟', '杏娣', '彩娣', '阿娣',
  '桂芳', '玉珍', '雪娥', '菊英', '宝娣', '金娣', '翠娥', '秀珍', '兰英', '爱珍', '巧云', '月琴',
  '亚娣', '素娥', '根娣', '惠芬', '珍娣', '小妹', '彩凤', '凤娣', '桂花', '秀娣', '美娣', '月英',
  '玉芬', '佩芬', '雅芬', '爱娣', '云娥', '秀凤',
];

export const STAFF_MALE_NAMES: readonly string[] = [
  '伟', '磊', '强', '军', '勇', '杰', '斌', '波', '海波', '建军', '晓东', '浩', '鹏', '俊杰', '志强',
  '立峰', '剑锋', '超', '宇', '林峰', '晨', '刚', '亮', '凯',
];

export const STAFF_FEMALE_NAMES: readonly string[] = [
  '丽娟', '海燕', '晓燕', '红梅', '丽萍', '静', '婷婷', '雅琴', '佳慧', '雪梅', '春燕', '银萍', '秀丽',
  '燕', '丹丹', '莉莉', '倩', '梦洁', '露', '玲玲', '芳芳', '慧敏', '晓红', '美玲', '红霞', '亚萍',
  '彩霞', '琴', '小芬', '淑霞', '晓丽', '雅婷', '佳怡', '梦瑶', '璐', '晶晶', '莹', '娜', '蕾', '颖',
];

export type Generation = 'elder' | 'staff';

function givenNames(sex: Sex, generation: Generation): readonly string[] {
  if (generation === 'elder') return sex === 'male' ? ELDER_MALE_NAMES : ELDER_FEMALE_NAMES;
  return sex === 'male' ? STAFF_MALE_NAMES : STAFF_FEMALE_NAMES;
}

/**
 * A name not yet in `used` when one can be found in a few tries. Real institutions do have two
 * 王秀英, so after the tries a repeat is accepted rather than inventing odd names.
 */
export function makeName(rng: Rng, sex: Sex, generation: Generation, used: Set<string>): string {
  const pool = givenNames(sex, generation);
  let name = '';
  for (let attempt = 0; attempt < 8; attempt++) {
    name = SURNAMES.pick(rng) + rng.pick(pool);
    if (!used.has(name)) break;
  }
  used.add(name);
  return name;
}
