import { describe, expect, it, vi } from 'vitest';
import { CheckerHost } from '../../../entrypoints/background/checker/host.ts';
import type { CompileFn } from '../../../entrypoints/background/checker/engine-types.ts';
import type { PackSource } from '../../../entrypoints/background/checker/pack-source.ts';
import type { PackInput } from '../../../rules/engine/schema.ts';
import { compile } from '../../../rules/engine/index.ts';
import builtin from '../../../rules/packs/builtin.json';

function changingSource() {
  let onChange: () => void = () => {};
  let version = 1;
  const source: PackSource = {
    load: async () => ({ packs: [{ id: `v${version}` } as unknown as PackInput], overrides: {} }),
    subscribe(cb) {
      onChange = cb;
      return () => {};
    },
  };
  return {
    source,
    change() {
      version++;
      onChange();
    },
  };
}

const fakeCompile = () =>
  vi.fn<CompileFn>((packs) => ({
    rules: [{ id: 'x/y', message: { zh: '中', en: 'en' } }],
    check: (blocks) =>
      blocks.map((b) => ({
        rule: `${(packs[0] as { id: string }).id}`,
        category: 'absolute-term' as const,
        severity: 'error' as const,
        message: '',
        start: 0,
        end: 1,
        match: b.text.slice(0, 1),
        basis: '',
        suggestions: [],
        block: b.id,
      })),
  }));

describe('CheckerHost', () => {
  it('compiles lazily, once, however many checks run (also concurrently)', async () => {
    const compile = fakeCompile();
    const host = new CheckerHost(changingSource().source, compile);
    expect(compile).not.toHaveBeenCalled();
    await Promise.all([host.check([{ id: 'a', text: 'x' }], {}), host.check([{ id: 'b', text: 'y' }], {})]);
    await host.check([{ id: 'c', text: 'z' }], {});
    expect(compile).toHaveBeenCalledTimes(1);
    expect(host.status.ready).toBe(true);
    expect(host.messageOf('x/y')).toEqual({ zh: '中', en: 'en' });
  });

  it('recompiles only after the source changes, and tells listeners', async () => {
    const compile = fakeCompile();
    const src = changingSource();
    const host = new CheckerHost(src.source, compile);
    const invalidated = vi.fn();
    host.onInvalidate(invalidated);
    expect((await host.check([{ id: 'a', text: 'x' }], {}))[0]!.rule).toBe('v1');
    src.change();
    expect(invalidated).toHaveBeenCalledTimes(1);
    expect((await host.check([{ id: 'a', text: 'x' }], {}))[0]!.rule).toBe('v2');
    expect(compile).toHaveBeenCalledTimes(2);
  });

  it('keeps the last good checker when a changed pack fails to compile', async () => {
    const src = changingSource();
    let fail = false;
    const good = fakeCompile();
    const compile = vi.fn<CompileFn>((packs, o) => {
      if (fail) throw new Error('pack bad: rules.0.terms: must not be empty');
      return good(packs, o);
    });
    const host = new CheckerHost(src.source, compile);
    await host.check([{ id: 'a', text: 'x' }], {});
    fail = true;
    src.change();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const findings = await host.check([{ id: 'a', text: 'x' }], {});
    expect(findings[0]!.rule).toBe('v1');
    expect(host.status.error).toBe('pack bad: rules.0.terms: must not be empty');
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('checks nothing (and compiles nothing) for an empty batch', async () => {
    const compile = fakeCompile();
    const host = new CheckerHost(changingSource().source, compile);
    expect(await host.check([], {})).toEqual([]);
    expect(compile).not.toHaveBeenCalled();
  });
});

describe('CheckerHost and the second opinion', () => {
  const source = (model?: boolean): PackSource => ({
    load: async () => ({ packs: [{ id: 'p' } as unknown as PackInput], overrides: {}, ...(model === undefined ? {} : { model }) }),
    subscribe: () => () => {},
  });

  it('compiles with the model on unless the shop manager switched it off', async () => {
    for (const [model, want] of [[undefined, true], [true, true], [false, false]] as const) {
      const compile = fakeCompile();
      await new CheckerHost(source(model), compile).checker();
      expect(compile.mock.calls[0][1]?.model).toBe(want);
    }
  });

  it('words a model finding in both languages, and knows nothing of unknown ids', async () => {
    const host = new CheckerHost(source(), fakeCompile());
    await host.checker();
    expect(host.messageOf('model.medical-claim')?.zh).toMatch(/^可能涉及疾病治疗/);
    expect(host.messageOf('model.medical-claim')?.en).toMatch(/^May be a medical claim/);
    expect(host.messageOf('model.nope')).toBeUndefined();
    expect(host.messageOf('x/y')?.zh).toBe('中');
  });
});

describe('CheckerHost after a worker restart with packs that do not compile', () => {
  // The real engine: what the background worker runs.
  const shipped = () => structuredClone(builtin) as unknown as PackInput[];
  const broken: PackInput = { id: 'shop', name: { zh: '坏包', en: 'Bad' }, rules: [{ id: 'shop/x', type: 'term', category: 'false-price', terms: ['！！！'], message: { zh: 'x', en: 'x' }, basis: 'x', examples: { flag: ['x'], pass: ['y'] } }] } as PackInput;
  const from = (set: Awaited<ReturnType<PackSource['load']>>): PackSource => ({ load: async () => set, subscribe: () => () => {} });
  const quiet = () => vi.spyOn(console, 'warn').mockImplementation(() => {});

  it('checks with the shipped packs and says so when a stored pack breaks the compile', async () => {
    const warn = quiet();
    const host = new CheckerHost(from({ packs: [...shipped(), broken], overrides: {}, model: false }), compile, undefined, shipped);
    const findings = await host.check([{ id: 'a', text: '今天全网最低价' }], {});
    expect(findings.map((f) => f.category)).toContain('false-price');
    expect(host.status).toMatchObject({ ready: true, using: 'builtin' });
    expect(host.status.error).toMatch(/shop/);
    warn.mockRestore();
  });

  it('drops only the user overrides when they are what breaks it', async () => {
    const warn = quiet();
    const packs = shipped();
    const rule = packs[0].rules[0].id!;
    const host = new CheckerHost(from({ packs, overrides: { [rule]: { allow: ['！！！'] } }, model: false }), compile, undefined, shipped);
    const findings = await host.check([{ id: 'a', text: '今天全网最低价' }], {});
    expect(findings.length).toBeGreaterThan(0);
    expect(host.status.using).toBe('without-overrides');
    warn.mockRestore();
  });

  it('a good compile afterwards clears the notice', async () => {
    const warn = quiet();
    const src = changingSource();
    let bad = true;
    const host = new CheckerHost(
      { load: async () => ({ packs: bad ? [broken] : shipped(), overrides: {}, model: false }), subscribe: src.source.subscribe },
      compile,
      undefined,
      shipped,
    );
    await host.check([{ id: 'a', text: 'x' }], {});
    expect(host.status.using).toBe('builtin');
    bad = false;
    src.change();
    await host.check([{ id: 'a', text: 'x' }], {});
    expect(host.status.using).toBeUndefined();
    expect(host.status.error).toBeUndefined();
    warn.mockRestore();
  });
});
