import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { toStoreError, StoreError } from '../../../rules/store/errors.ts';

describe('toStoreError', () => {
  it('names a full disk in both languages, also when Dexie nests the cause', () => {
    const direct = toStoreError(new DOMException('x', 'QuotaExceededError'));
    const nested = toStoreError(new Dexie.AbortError('tx aborted', new DOMException('x', 'QuotaExceededError')));
    for (const e of [direct, nested]) {
      expect(e.code).toBe('quota');
      expect(e.zh).toMatch(/存储空间已满.*之前的数据完好/);
      expect(e.en).toMatch(/Storage is full.*intact/);
    }
  });

  it('says an aborted write was rolled back, with the reason', () => {
    const e = toStoreError(new Dexie.AbortError('Transaction aborted by user'));
    expect(e.code).toBe('aborted');
    expect(e.en).toMatch(/rolled back.*Transaction aborted by user/);
    expect(e.zh).toMatch(/已全部撤销/);
  });

  it('keeps a StoreError as it is and wraps anything else', () => {
    const own = new StoreError('x', { zh: '甲', en: 'A' });
    expect(toStoreError(own)).toBe(own);
    const other = toStoreError('boom');
    expect(other).toBeInstanceOf(StoreError);
    expect(other.code).toBe('write');
    expect(other.message).toMatch(/保存失败.*Saving failed.*boom/);
  });
});
