// Fibre names as hosts and labels write them, folded to one canonical name per fibre (GB/T 29862
// uses 棉, 桑蚕丝, 氨纶...), so 真丝 on a label and 桑蚕丝 in speech are the same fibre.
// Longest spelling first: 人造棉 is viscose, not cotton.

const CANON: Array<[string, string[]]> = [
  ['粘纤', ['粘胶纤维', '黏胶纤维', '人造棉', '粘胶', '黏纤', '粘纤']],
  ['棉', ['长绒棉', '新疆棉', '精梳棉', '有机棉', '棉花', '棉']],
  ['蚕丝', ['桑蚕丝', '真丝', '蚕丝']],
  ['锦纶', ['锦纶', '尼龙']],
  ['氨纶', ['氨纶', '莱卡']],
  ['涤纶', ['聚酯纤维', '涤纶']],
  ['羊绒', ['山羊绒', '羊绒']],
  ['羊毛', ['绵羊毛', '羊毛']],
  ['莫代尔', ['莫代尔']],
  ['天丝', ['莱赛尔', '天丝']],
  ['亚麻', ['亚麻']],
  ['腈纶', ['腈纶']],
  ['羊驼毛', ['羊驼毛']],
  ['马海毛', ['马海毛']],
  ['醋酸', ['醋酯纤维', '醋酸纤维', '醋酸']],
];

const SPELLINGS: Array<[string, string]> = CANON.flatMap(([canon, spells]) => spells.map((s) => [s, canon] as [string, string])).sort(
  (a, b) => b[0].length - a[0].length,
);

/** The fibre spelled at `i` of normalised text: its canonical name and where the spelling ends. */
const FIRST = new Set(SPELLINGS.map(([s]) => s[0]));

export function readMaterialAt(text: string, i: number): { material: string; end: number } | null {
  if (!FIRST.has(text[i])) return null;
  for (const [spell, canon] of SPELLINGS) if (text.startsWith(spell, i)) return { material: canon, end: i + spell.length };
  return null;
}

/** Canonical fibre name for a label word, or the word itself when it is not a known fibre. */
export function canonicalMaterial(word: string): string {
  const w = word.trim();
  for (const [spell, canon] of SPELLINGS) if (w === spell) return canon;
  return w;
}

/** Cheap prefilter: does any fibre's first character occur at all? */
export function mentionsMaterial(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (FIRST.has(text[i])) return true;
  return false;
}
