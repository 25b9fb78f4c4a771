// Regulated claim vocabularies. A special cosmetic may claim only the efficacies on its
// registration (化妆品监督管理条例 第16条, 第37条); a health food only the functions on its approval
// (广告法 第18条; 审查暂行办法 第7条). Each entry: the label shown to the host, and the words that
// count as claiming it, in normalised spelling. Words also match a registration's own wording
// (有助于增强免疫力 contains 免疫).

export interface ClaimWords {
  id: string;
  label: string;
  words: string[];
}

/** 特殊化妆品 efficacies (条例 第16条): only a registered product may say them. */
export const COSMETIC_EFFICACIES: ClaimWords[] = [
  { id: 'whitening', label: '美白', words: ['美白', 'm白', '焕白', '亮白', '透白', '嫩白', '提白', '变白', '白一个度', '白了一个度', '白两个度', '白三个度', '白一个色号', '淡化黑色素', '抑制黑色素', '抑黑'] },
  { id: 'spot', label: '祛斑', words: ['祛斑', '去斑', '袪斑', 'q斑', '淡斑', '消斑', '斑淡', '斑没了', '斑消', '淡化色斑', '淡化斑点'] },
  { id: 'sunscreen', label: '防晒', words: ['防晒', '隔离紫外线', '抗紫外线', '防紫外线', 'spf'] },
  { id: 'hair-loss', label: '防脱发', words: ['防脱', '止脱', '固发', '控脱', '生发', '育发', '长发', '长出头发', '长出新头发', '掉发少'] },
  { id: 'hair-dye', label: '染发', words: ['染发'] },
  { id: 'perm', label: '烫发', words: ['烫发'] },
];

/** 保健食品 functions (保健食品功能目录, 2023 wording abridged) and how hosts say them. */
export const HEALTH_FUNCTIONS: ClaimWords[] = [
  { id: 'immunity', label: '增强免疫力', words: ['免疫', '抵抗力'] },
  { id: 'antioxidant', label: '抗氧化', words: ['抗氧化'] },
  { id: 'memory', label: '辅助改善记忆', words: ['记忆', '记性', '补脑', '健脑'] },
  { id: 'eyes', label: '缓解视觉疲劳', words: ['视觉疲劳', '视疲劳', '眼疲劳', '眼睛疲劳', '明目', '视力'] },
  { id: 'throat', label: '清咽润喉', words: ['清咽', '润喉', '咽喉', '嗓子'] },
  { id: 'sleep', label: '改善睡眠', words: ['睡眠', '助眠', '失眠', '入睡', '睡得好', '睡得香', '安神'] },
  { id: 'fatigue', label: '缓解体力疲劳', words: ['体力疲劳', '抗疲劳', '缓解疲劳', '消除疲劳'] },
  { id: 'hypoxia', label: '耐缺氧', words: ['缺氧'] },
  { id: 'body-fat', label: '控制体内脂肪', words: ['体内脂肪', '减肥', '减脂', '瘦身', '燃脂', '控制体重', '掉秤'] },
  { id: 'bone', label: '改善骨密度', words: ['骨密度', '骨质疏松'] },
  { id: 'anemia', label: '改善缺铁性贫血', words: ['贫血', '补血'] },
  { id: 'acne', label: '改善痤疮', words: ['痤疮', '痘痘', '祛痘'] },
  { id: 'chloasma', label: '改善黄褐斑', words: ['黄褐斑'] },
  { id: 'skin-water', label: '改善皮肤水分状况', words: ['皮肤水分', '皮肤水份'] },
  { id: 'gut-flora', label: '调节肠道菌群', words: ['肠道菌群', '调节肠道', '肠道健康', '益生菌群'] },
  { id: 'digestion', label: '促进消化', words: ['消化'] },
  { id: 'bowel', label: '润肠通便', words: ['通便', '便秘', '润肠'] },
  { id: 'stomach', label: '辅助保护胃黏膜', words: ['胃黏膜', '胃粘膜', '护胃', '养胃'] },
  { id: 'lipids', label: '维持血脂健康水平', words: ['降血脂', '血脂', '降脂'] },
  { id: 'glucose', label: '维持血糖健康水平', words: ['降血糖', '血糖', '降糖', '控糖'] },
  { id: 'pressure', label: '维持血压健康水平', words: ['降血压', '血压', '降压'] },
  { id: 'liver', label: '化学性肝损伤辅助保护', words: ['肝损伤', '护肝', '养肝', '解酒'] },
  { id: 'radiation', label: '电离辐射危害辅助保护', words: ['辐射'] },
  { id: 'lead', label: '促进排铅', words: ['排铅'] },
  { id: 'nutrients', label: '补充维生素、矿物质', words: ['补充维生素', '补充矿物质', '补钙', '补铁', '补锌', '补硒', '补充钙', '补充铁', '补充锌'] },
];

/** Vocabulary entries named in `text` (normalised), with the normalised spans where they occur. */
export function claimsNamed(text: string, vocab: readonly ClaimWords[]): Array<{ entry: ClaimWords; start: number; end: number }> {
  const out: Array<{ entry: ClaimWords; start: number; end: number }> = [];
  for (const entry of vocab) {
    for (const w of entry.words) {
      for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) out.push({ entry, start: at, end: at + w.length });
    }
  }
  // Overlapping hits of one entry merge into one span (下去斑淡 holds 去斑 and 斑淡: one claim).
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: typeof out = [];
  for (const h of out) {
    const same = merged.find((m) => m.entry === h.entry && h.start < m.end);
    if (same) same.end = Math.max(same.end, h.end);
    else merged.push({ ...h });
  }
  return merged;
}

/**
 * The start of the run of adjacent claims that `hit` ends: in 不会说它美白祛斑 the negation governs
 * 祛斑 through 美白, so negation is tested at the run's start.
 */
export function runStart(hits: ReadonlyArray<{ start: number; end: number }>, hit: { start: number }): number {
  let s = hit.start;
  for (let moved = true; moved; ) {
    moved = false;
    for (const h of hits) if (h.end === s || (h.end === s - 1 && h.start < s)) { s = h.start; moved = true; }
  }
  return s;
}

/** Which entries a registration's wording covers (有助于增强免疫力 covers immunity). */
export function registeredIds(registered: readonly string[], vocab: readonly ClaimWords[], fold: (s: string) => string): Set<string> {
  const ids = new Set<string>();
  for (const r of registered) {
    const t = fold(r);
    for (const e of vocab) if (t.includes(fold(e.label)) || e.words.some((w) => t.includes(w))) ids.add(e.id);
  }
  return ids;
}
