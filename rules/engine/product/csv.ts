import { z } from 'zod';
import { PRODUCT_CATEGORIES } from '../taxonomy.ts';
import { parseCsvText, writeCsvText, CsvSyntaxError } from './csv-text.ts';
import { DISCLOSURE_KINDS, productSchema, type Product, type ProductInput } from './schema.ts';

// The spreadsheet layout a shop manager fills in: one row per fact, claim, selling point or FAQ
// entry, with a `kind` column saying which (documented in README.md of this folder). Headers may be
// English or Chinese; kind and type cells accept Chinese words. Errors name the row as the
// spreadsheet numbers it (header = row 1) and the column.

export const CSV_COLUMNS = ['kind', 'attribute', 'value', 'unit', 'priority', 'words', 'from', 'to', 'note'] as const;
type Column = (typeof CSV_COLUMNS)[number];

const HEADER_ALIASES: Record<Column, string[]> = {
  kind: ['kind', '类型', '种类', '行类型'],
  attribute: ['attribute', '属性', '项目', '名目', '问题'],
  value: ['value', '值', '内容', '取值', '答案'],
  unit: ['unit', '单位', '等级'],
  priority: ['priority', '优先级'],
  words: ['words', '关键词', '说法', '功效', '功能'],
  from: ['from', '开始日期', '起始日期', '开始'],
  to: ['to', '结束日期', '截止日期', '结束'],
  note: ['note', '备注', '原因', '说明'],
};

const KINDS: Record<string, string> = {
  id: 'id', 编号: 'id', 商品编号: 'id',
  name: 'name', 名称: 'name', 商品名: 'name', 商品名称: 'name',
  alias: 'alias', 别名: 'alias',
  category: 'category', 类目: 'category', 品类: 'category',
  price: 'price', 价格: 'price',
  fact: 'fact', 参数: 'fact', 事实: 'fact', 商品信息: 'fact',
  registration: 'registration', 注册: 'registration', 备案: 'registration', 资质: 'registration',
  approved: 'approved', 可用宣称: 'approved', 批准宣称: 'approved',
  forbidden: 'forbidden', 禁用宣称: 'forbidden', 禁说: 'forbidden', 禁用语: 'forbidden',
  point: 'point', 卖点: 'point',
  disclosure: 'disclosure', 必说: 'disclosure', 必须说明: 'disclosure', 提示语: 'disclosure',
  faq: 'faq', 问答: 'faq', 常见问题: 'faq',
};
const PRICE_TYPES: Record<string, 'live' | 'reference'> = { live: 'live', 直播价: 'live', 到手价: 'live', 现价: 'live', reference: 'reference', 划线价: 'reference', 原价: 'reference', 参考价: 'reference' };
const REG_TYPES: Record<string, 'specialCosmetic' | 'healthFood' | 'medicalDevice'> = {
  'special-cosmetic': 'specialCosmetic', 特殊化妆品: 'specialCosmetic', 特证: 'specialCosmetic',
  'health-food': 'healthFood', 保健食品: 'healthFood', 蓝帽子: 'healthFood',
  'medical-device': 'medicalDevice', 医疗器械: 'medicalDevice',
};
const DISCLOSURE_TYPES: Record<string, (typeof DISCLOSURE_KINDS)[number]> = {
  'health-food': 'health-food', 保健食品: 'health-food', 'medical-device': 'medical-device', 医疗器械: 'medical-device',
  presale: 'presale', 预售: 'presale', gift: 'gift', 赠品: 'gift', other: 'other', 其他: 'other', '': 'other',
};
const CATEGORY_ZH: Record<string, string> = {
  服装鞋包: 'apparel', 服装: 'apparel', '化妆品/护肤': 'cosmetics', 化妆品: 'cosmetics', 护肤: 'cosmetics', 普通食品: 'food', 食品: 'food',
  保健食品: 'health-food', 生鲜农产品: 'fresh-produce', 生鲜: 'fresh-produce', 母婴: 'baby', 家电数码: 'appliance', 家电: 'appliance',
  日用百货: 'daily', 珠宝文玩: 'jewelry', 珠宝: 'jewelry', 图书教育: 'education', 教育: 'education', 医疗器械: 'medical-device', 酒类: 'liquor', 酒: 'liquor',
};

export class ProductCsvError extends Error {}

const list = (cell: string) => cell.split(/[|;；\n]/).map((s) => s.trim()).filter(Boolean);

/** Parses a product CSV; throws ProductCsvError with `row N, column: reason` messages. */
export function productFromCsv(text: string): Product {
  let rows: string[][];
  try {
    rows = parseCsvText(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new ProductCsvError(e.message);
    throw e;
  }
  if (!rows.length) throw new ProductCsvError('row 1: the file is empty (expected a header: kind,attribute,value,...)');
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const col = {} as Record<Column, number>;
  for (const c of CSV_COLUMNS) col[c] = header.findIndex((h) => HEADER_ALIASES[c].includes(h));
  for (const c of ['kind', 'value'] as const) if (col[c] < 0) throw new ProductCsvError(`row 1: missing column "${c}" (header: ${CSV_COLUMNS.join(',')})`);

  const p: Record<string, any> = { aliases: [], price: {}, facts: [], registrations: {}, approvedClaims: [], forbiddenClaims: [], sellingPoints: [], disclosures: [], faq: [] };
  // Where each array item came from, so a schema error points at its row.
  const origin = new Map<string, number>();
  const errors: string[] = [];
  rows.slice(1).forEach((r, k) => {
    const rowNo = k + 2;
    const get = (c: Column) => (col[c] >= 0 ? (r[col[c]] ?? '').trim() : '');
    if (r.every((c) => !c.trim())) return;
    const kindRaw = get('kind');
    const kind = KINDS[kindRaw.toLowerCase()];
    const at = (path: string) => origin.set(path, rowNo);
    if (!kind) { errors.push(`row ${rowNo}, kind: unknown kind "${kindRaw}" (one of id, name, alias, category, price, fact, registration, approved, forbidden, point, disclosure, faq)`); return; }
    const value = get('value');
    switch (kind) {
      case 'id': p.id = value; at('id'); break;
      case 'name': p.name = value; at('name'); break;
      case 'alias': at(`aliases.${p.aliases.length}`); p.aliases.push(value); break;
      case 'category': p.category = CATEGORY_ZH[value] ?? value; at('category'); break;
      case 'price': {
        const t = PRICE_TYPES[get('attribute').toLowerCase()];
        if (!t) { errors.push(`row ${rowNo}, attribute: price type "${get('attribute')}" is not live (直播价) or reference (划线价)`); return; }
        if (t === 'live') { p.price.live = value; at('price.live'); }
        else { p.price.reference = { amount: value, from: get('from'), to: get('to') }; at('price.reference'); }
        break;
      }
      case 'fact': at(`facts.${p.facts.length}`); p.facts.push({ attribute: get('attribute'), value, unit: get('unit') || undefined }); break;
      case 'registration': {
        const t = REG_TYPES[get('attribute').toLowerCase()];
        if (!t) { errors.push(`row ${rowNo}, attribute: registration type "${get('attribute')}" is not special-cosmetic, health-food or medical-device`); return; }
        at(`registrations.${t}`);
        if (t === 'specialCosmetic') p.registrations[t] = { number: value, efficacies: list(get('words')) };
        else if (t === 'healthFood') p.registrations[t] = { number: value, functions: list(get('words')) };
        else p.registrations[t] = { number: value, class: get('unit'), scope: list(get('words')) };
        break;
      }
      case 'approved': at(`approvedClaims.${p.approvedClaims.length}`); p.approvedClaims.push(value); break;
      case 'forbidden': at(`forbiddenClaims.${p.forbiddenClaims.length}`); p.forbiddenClaims.push({ text: value, reason: get('note') || undefined }); break;
      case 'point': at(`sellingPoints.${p.sellingPoints.length}`); p.sellingPoints.push({ text: value, priority: get('priority') || 3, says: list(get('words')) }); break;
      case 'disclosure': {
        const t = DISCLOSURE_TYPES[get('attribute').toLowerCase()];
        if (!t) { errors.push(`row ${rowNo}, attribute: disclosure type "${get('attribute')}" is not one of ${DISCLOSURE_KINDS.join(', ')}`); return; }
        at(`disclosures.${p.disclosures.length}`);
        p.disclosures.push({ text: value, kind: t, says: list(get('words')) });
        break;
      }
      case 'faq': at(`faq.${p.faq.length}`); p.faq.push({ questions: list(get('attribute')), answer: value }); break;
    }
  });
  if (errors.length) throw new ProductCsvError(errors.slice(0, 5).join('; '));
  const parsed = productSchema.safeParse(p);
  if (!parsed.success) throw new ProductCsvError(describeRows(parsed.error, origin));
  return parsed.data;
}

function describeRows(error: z.ZodError, origin: Map<string, number>): string {
  return error.issues
    .slice(0, 5)
    .map((i) => {
      const path = i.path.map(String);
      for (let n = path.length; n > 0; n--) {
        const row = origin.get(path.slice(0, n).join('.'));
        if (row !== undefined) return `row ${row}, ${path.slice(n).join('.') || path[path.length - 1]}: ${i.message}`;
      }
      const what = path[0] === 'name' ? 'a "name" row' : path[0] === 'category' ? `a "category" row (${PRODUCT_CATEGORIES.join(', ')})` : path.join('.');
      return `${what}: ${i.message}`;
    })
    .join('; ');
}

/** The product as the spreadsheet layout (with a BOM, so Excel opens it as UTF-8). */
export function productToCsv(product: Product | ProductInput): string {
  const p = productSchema.parse(product);
  const rows: string[][] = [[...CSV_COLUMNS]];
  const row = (o: Partial<Record<Column, string | number | undefined>>) => rows.push(CSV_COLUMNS.map((c) => (o[c] === undefined ? '' : String(o[c]))));
  if (p.id) row({ kind: 'id', value: p.id });
  row({ kind: 'name', value: p.name });
  for (const a of p.aliases) row({ kind: 'alias', value: a });
  row({ kind: 'category', value: p.category });
  if (p.price.live !== undefined) row({ kind: 'price', attribute: 'live', value: p.price.live });
  if (p.price.reference) row({ kind: 'price', attribute: 'reference', value: p.price.reference.amount, from: p.price.reference.from, to: p.price.reference.to });
  for (const f of p.facts) row({ kind: 'fact', attribute: f.attribute, value: f.value, unit: f.unit });
  const r = p.registrations;
  if (r.specialCosmetic) row({ kind: 'registration', attribute: 'special-cosmetic', value: r.specialCosmetic.number, words: r.specialCosmetic.efficacies.join('|') });
  if (r.healthFood) row({ kind: 'registration', attribute: 'health-food', value: r.healthFood.number, words: r.healthFood.functions.join('|') });
  if (r.medicalDevice) row({ kind: 'registration', attribute: 'medical-device', value: r.medicalDevice.number, unit: r.medicalDevice.class, words: r.medicalDevice.scope.join('|') });
  for (const c of p.approvedClaims) row({ kind: 'approved', value: c });
  for (const f of p.forbiddenClaims) row({ kind: 'forbidden', value: f.text, note: f.reason });
  for (const s of p.sellingPoints) row({ kind: 'point', value: s.text, priority: s.priority, words: s.says.join('|') });
  for (const d of p.disclosures) row({ kind: 'disclosure', attribute: d.kind, value: d.text, words: d.says.join('|') });
  for (const q of p.faq) row({ kind: 'faq', attribute: q.questions.join('|'), value: q.answer });
  return writeCsvText(rows);
}
