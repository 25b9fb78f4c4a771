import type { LiveFinding, PanelSnapshot } from '../../../rules/protocol/panel.ts';

let n = 0;
export function finding(over: Partial<LiveFinding> = {}): LiveFinding {
  n++;
  return {
    key: `b1#false-price/lowest#全网最低价#${n}`,
    rule: 'ad-law-core/lowest-price',
    category: 'false-price',
    severity: 'error',
    message: { zh: '无法证明的最低价宣传', en: 'Unprovable lowest-price claim' },
    basis: '价格法 第14条',
    suggestions: ['直播间专属优惠价', '今天下单有赠品'],
    match: '全网最低价',
    block: 'b1',
    source: 'script',
    sentence: '家人们今天全网最低价！',
    hlStart: 5,
    hlEnd: 10,
    seenAt: 1000 + n,
    ...over,
  };
}

export function snapshotOf(findings: LiveFinding[], over: Partial<PanelSnapshot> = {}): PanelSnapshot {
  return {
    type: 'snapshot',
    tabId: 7,
    productCategory: null,
    findings,
    count: findings.filter((f) => f.severity !== 'info').length,
    dropped: 0,
    engine: { ready: true },
    ...over,
  };
}
