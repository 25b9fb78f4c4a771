// Store failures reach the user as one bilingual sentence saying what happened and what to do.
// Dexie wraps IndexedDB errors (and sometimes nests the real cause under `inner`), so both the
// error and its inner chain are inspected by name.

export interface Bilingual {
  zh: string;
  en: string;
}

export class StoreError extends Error {
  readonly zh: string;
  readonly en: string;
  readonly code: string;
  constructor(code: string, text: Bilingual, options?: { cause?: unknown }) {
    super(`${text.zh} / ${text.en}`, options);
    this.name = 'StoreError';
    this.code = code;
    this.zh = text.zh;
    this.en = text.en;
  }
}

function names(error: unknown): string[] {
  const out: string[] = [];
  let e: any = error;
  for (let depth = 0; e && depth < 5; depth++) {
    if (typeof e.name === 'string') out.push(e.name);
    e = e.inner ?? e.cause;
  }
  return out;
}

/** Translates any error thrown by a store operation into a StoreError with a clear message. */
export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const found = names(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (found.includes('QuotaExceededError')) {
    return new StoreError(
      'quota',
      {
        zh: '存储空间已满，本次更改未保存（之前的数据完好）。请清理旧的直播记录或导出备份后再试。',
        en: 'Storage is full; this change was not saved (earlier data is intact). Delete old session logs or export a backup, then try again.',
      },
      { cause: error },
    );
  }
  if (found.includes('AbortError')) {
    return new StoreError(
      'aborted',
      {
        zh: `写入被中止，本次更改已全部撤销（之前的数据完好）。原因：${detail}`,
        en: `The write was aborted and fully rolled back (earlier data is intact). Reason: ${detail}`,
      },
      { cause: error },
    );
  }
  if (found.includes('VersionError') || found.includes('UpgradeError')) {
    return new StoreError(
      'version',
      {
        zh: `数据库版本不兼容：${detail}。请更新扩展后重试。`,
        en: `Incompatible database version: ${detail}. Update the extension and try again.`,
      },
      { cause: error },
    );
  }
  if (found.includes('ConstraintError')) {
    return new StoreError(
      'constraint',
      { zh: `数据冲突，未保存：${detail}`, en: `Conflicting data, nothing saved: ${detail}` },
      { cause: error },
    );
  }
  return new StoreError(
    'write',
    {
      zh: `保存失败，本次更改已撤销：${detail}`,
      en: `Saving failed and the change was rolled back: ${detail}`,
    },
    { cause: error },
  );
}

/** Runs a store operation, rethrowing any failure as a StoreError. */
export async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toStoreError(error);
  }
}
