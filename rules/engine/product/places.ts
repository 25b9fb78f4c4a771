// Places hosts name as an origin (产地新疆, 产自阿克苏, 原产地澳洲), each folded to the province or
// country it lies in, so 阿克苏 said of a 新疆阿克苏 apple passes and 新疆 said of a 云南 one does not.
// Not a full gazetteer: a place missing here is simply not checked (no false alarm).

const PROVINCES: Array<[string, string[]]> = [
  ['北京', ['北京']], ['天津', ['天津']], ['上海', ['上海']], ['重庆', ['重庆']],
  ['河北', ['河北']], ['山西', ['山西']], ['辽宁', ['辽宁', '大连', '丹东']], ['吉林', ['吉林', '长白山', '延边']],
  ['黑龙江', ['黑龙江', '五常', '哈尔滨']], ['江苏', ['江苏', '阳澄湖', '苏州', '南京', '无锡']], ['浙江', ['浙江', '杭州', '西湖', '安吉', '宁波', '舟山', '义乌']],
  ['安徽', ['安徽', '黄山']], ['福建', ['福建', '安溪', '武夷山', '福鼎']], ['江西', ['江西', '赣南']],
  ['山东', ['山东', '烟台', '青岛', '寿光', '威海', '栖霞']], ['河南', ['河南', '信阳']], ['湖北', ['湖北', '潜江', '武汉']],
  ['湖南', ['湖南', '长沙']], ['广东', ['广东', '广州', '深圳', '潮汕', '东莞', '佛山', '茂名']], ['海南', ['海南', '三亚']],
  ['四川', ['四川', '成都', '蒲江', '汉源']], ['贵州', ['贵州', '茅台镇', '遵义']], ['云南', ['云南', '普洱', '西双版纳', '昆明', '蒙自']],
  ['陕西', ['陕西', '洛川', '延安', '西安']], ['甘肃', ['甘肃', '兰州', '天水']], ['青海', ['青海']],
  ['台湾', ['台湾']], ['内蒙古', ['内蒙古', '内蒙', '呼伦贝尔', '锡林郭勒']], ['广西', ['广西', '百色', '桂林']],
  ['西藏', ['西藏', '林芝']], ['宁夏', ['宁夏', '中宁']], ['新疆', ['新疆', '阿克苏', '库尔勒', '吐鲁番', '哈密', '和田', '喀什', '伊犁']],
  ['香港', ['香港']], ['澳门', ['澳门']],
  ['澳大利亚', ['澳大利亚', '澳洲']], ['新西兰', ['新西兰']], ['日本', ['日本']], ['韩国', ['韩国']], ['法国', ['法国']],
  ['意大利', ['意大利']], ['美国', ['美国']], ['英国', ['英国']], ['德国', ['德国']], ['泰国', ['泰国']], ['越南', ['越南']],
  ['智利', ['智利']], ['加拿大', ['加拿大']], ['西班牙', ['西班牙']], ['马来西亚', ['马来西亚']], ['印尼', ['印尼', '印度尼西亚']],
];

const SPELLINGS = PROVINCES.flatMap(([region, names]) => names.map((n) => [n, region] as [string, string])).sort((a, b) => b[0].length - a[0].length);

/** The known place at `i` of normalised text: its spelling, region and end. */
export function readPlaceAt(text: string, i: number): { place: string; region: string; end: number } | null {
  for (const [spell, region] of SPELLINGS) if (text.startsWith(spell, i)) return { place: spell, region, end: i + spell.length };
  return null;
}

/** Every known place named anywhere in a recorded origin (新疆阿克苏 -> 新疆, 阿克苏). */
export function placesIn(text: string): Array<{ place: string; region: string }> {
  const out: Array<{ place: string; region: string }> = [];
  for (let i = 0; i < text.length; i++) {
    const p = readPlaceAt(text, i);
    if (p) { out.push(p); i = p.end - 1; }
  }
  return out;
}
