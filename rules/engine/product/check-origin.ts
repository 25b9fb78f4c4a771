import { derived } from './derived.ts';
import { FOREIGN, PROVINCE_NAMES, placesIn, readPlaceAt } from './places.ts';
import { negated, type Text } from './context.ts';
import { said, type ProductHit } from './hit.ts';
import type { Product } from './schema.ts';

// 产地 claims: false origin stories were the core of the largest live-stream fines (三只羊 "香港",
// 东北雨姐), prosecuted as 虚假宣传 (广告法 第28条, 反不正当竞争法 第8条). Hosts rarely say 产地: they
// say where the factory is (宁波的厂子做的), where it was brewed or grown (泸州那边酒厂酿的), that it is
// imported (韩国进口的), or where it ships from (香港仓直发). Each is read against the record.

const CUES = ['原产地', '产地', '产自', '产于', '原产于', '出产于', '产区'];
const FILLER = /^(是|在|为|就是|都是|位于|来自|直供)?/;

/** After a place (up to a few chars on): it is where the goods were made, grown or come from. */
const MADE_AFTER = /^(?:省|市|县|区|镇|那边|那块|这边|本地|当地|的|那个|那家|原装)?(?:的)?(?:厂|工厂|厂子|厂家|酒厂|茶厂|基地|果园|牧场|产|生产|出产|制造|造|做|酿|种|长|养|采|摘|原装|进口|过来|出来|运过来|直发|空运|特产|老窖|正宗|原产)/;
/** The same, after a few words of scenery (长白山脚下的工厂, 草原上散养的): only the strong words. */
const MADE_NEAR = /^[^，。！？,.!?\s]{0,6}?(?:工厂|厂子|厂家|酒厂|基地|果园|牧场|茶园|散养|生产的|产的|酿的|种的|原装进口)/;
/** Before a place: 来自, 产自 are CUES; these read the same (从…来, 原装…进口, 正宗…). */
const MADE_BEFORE = /(?:来自|从|原装|进口自|正宗(?:的)?|地道(?:的)?|纯正(?:的)?)$/;
/** After a place: where it ships from (a record's 发货地, not its origin). */
const SHIP_AFTER = /^(?:省|市|县|区|镇|那边|这边|本地)?(?:的)?(?:仓|发货|发出|直发|寄出|发的|发过来|发快递|现货)/;
/** A comparison or an example, not a claim about this product (比新疆的还甜, 像法国那种). */
const COMPARE_BEFORE = /(?:比|像|跟|和|不输|媲美|堪比|不像|不比|对标|超过)[^，。]{0,3}$/;
const IMPORTED = /原装进口|(?:是|都是|纯|正宗)进口(?:的|货)?|进口货|海外直采|国外进口/;

/** 不是什么贴牌进口货: a denial a few words before. */
const NOT_BEFORE = /不是|并非|没有|不算|哪是|不用/;

const SHIPPING_ATTRIBUTE = /发货|仓|寄/;
const MAKER_ATTRIBUTE = /产|厂|制造|生产|酿|种植|基地/;

interface Places {
  origin: Set<string>;
  made: Set<string>;
  shipping: Set<string>;
  /** Recorded places below the province (周至, 西安), with the region of every place seen. */
  finer: string[];
  regionOf: Map<string, string>;
  display: string;
  shipDisplay: string;
}
const cache = new WeakMap<Product, Places>();

function recorded(product: Product): Places {
  const hit = cache.get(product);
  if (hit) return hit;
  const { origins, recordedPlaces } = derived(product);
  const origin = new Set(recordedPlaces.map((p) => p.region));
  const made = new Set(origin);
  const shipping = new Set<string>();
  const ships: string[] = [];
  for (const f of product.facts) {
    const regions = placesIn(f.value).map((p) => p.region);
    if (SHIPPING_ATTRIBUTE.test(f.attribute)) {
      regions.forEach((r) => shipping.add(r));
      if (regions.length) ships.push(`${f.attribute}${f.value}`);
    } else if (MAKER_ATTRIBUTE.test(f.attribute)) regions.forEach((r) => made.add(r));
  }
  const regionOf = new Map<string, string>();
  for (const p of recordedPlaces) regionOf.set(p.place, p.region);
  const finer = recordedPlaces.filter((p) => !PROVINCE_NAMES.has(p.place)).map((p) => p.place);
  const r = { origin, made, shipping, finer, regionOf, display: origins.map((o) => o.display).join(' / '), shipDisplay: ships.join(' / ') };
  cache.set(product, r);
  return r;
}

/**
 * Same province, another town: a record that names places below the province (陕西周至) is not
 * matched by another one of that province (眉县). A province alone (陕西) still matches.
 */
function finerMismatch(place: string, region: string, rec: Places): boolean {
  if (PROVINCE_NAMES.has(place)) return false;
  const finer = rec.finer;
  if (finer.length === 0) return false;
  const sameProvince = finer.filter((f) => rec.regionOf.get(f) === region);
  return sameProvince.length > 0 && !sameProvince.some((f) => f.includes(place) || place.includes(f));
}

export function checkOrigin(t: Text, original: string, product: Product): ProductHit[] {
  const { origins, recordedPlaces } = derived(product);
  const rec = recorded(product);
  if (!origins.length && rec.shipping.size === 0) return [];
  const hits: ProductHit[] = [];
  const text = t.text;
  const push = (start: number, end: number, zh: string, en: string, suggestion: string) => {
    if (hits.some((h) => h.start < end && start < h.end)) return;
    const s = said(t, original, start, end);
    hits.push({ rule: 'product/origin', category: 'product-mismatch', start, end, zh: `${zh}，说成了 ${s}`, en: `${en}; the host said ${s}`, suggestions: [suggestion] });
  };
  const originMsg = { zh: `商品信息为 产地${rec.display}`, en: `The product record says origin ${rec.display}` };

  for (const cue of CUES) {
    for (let at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + 1)) {
      if (CUES.some((c) => c.length > cue.length && c.endsWith(cue) && text.startsWith(c, at - (c.length - cue.length)))) continue;
      const rest = text.slice(at + cue.length, at + cue.length + 4);
      const skip = FILLER.exec(rest)![0].length;
      const p = readPlaceAt(text, at + cue.length + skip);
      if (!p) continue;
      if (negated(t, at)) continue;
      const lawful = origins.some((o) => o.place.includes(p.place) || p.place.includes(o.place)) || recordedPlaces.some((r) => r.region === p.region);
      if (lawful) continue;
      push(at, p.end, originMsg.zh, originMsg.en, `产地${rec.display}`);
    }
  }

  // A place anywhere, read with what follows or precedes it.
  for (let i = 0; i < text.length; i++) {
    const p = readPlaceAt(text, i);
    if (!p) continue;
    const after = text.slice(p.end, p.end + 10);
    const before = text.slice(Math.max(0, i - 6), i);
    i = p.end - 1;
    if (COMPARE_BEFORE.test(before)) continue;
    const start = p.end - p.place.length;
    if (negated(t, start)) continue;
    if (SHIP_AFTER.test(after)) {
      if (rec.shipping.size === 0 || rec.shipping.has(p.region) || rec.origin.has(p.region)) continue;
      push(start, p.end + (SHIP_AFTER.exec(after)?.[0].length ?? 0), `商品信息为 ${rec.shipDisplay}`, `The product record says ${rec.shipDisplay}`, rec.shipDisplay);
      continue;
    }
    if (!origins.length || (!MADE_AFTER.test(after) && !MADE_NEAR.test(after) && !MADE_BEFORE.test(before))) continue;
    if (rec.made.has(p.region) && !finerMismatch(p.place, p.region, rec)) continue;
    const m = MADE_AFTER.exec(after) ?? MADE_NEAR.exec(after);
    push(start, p.end + (m ? m[0].length : 0), originMsg.zh, originMsg.en, `产地${rec.display}`);
  }

  // 进口 said of goods the record places in China.
  const domestic = [...rec.origin].every((r) => !FOREIGN.has(r));
  if (domestic && rec.origin.size > 0) {
    const m = IMPORTED.exec(text);
    if (m && !negated(t, m.index) && !NOT_BEFORE.test(text.slice(Math.max(0, m.index - 6), m.index))) push(m.index, m.index + m[0].length, originMsg.zh, originMsg.en, `产地${rec.display}`);
  }
  return hits;
}
