// At 200 chat messages a second, pushing a snapshot (or a badge update) per message would spend the
// worker's time on messaging. Per key: act at once, then at most once per `ms` while changes keep coming.

export function coalesce<K>(ms: number, run: (key: K) => void) {
  const cooling = new Map<K, { dirty: boolean }>();
  const fire = (key: K) => {
    const state = { dirty: false };
    cooling.set(key, state);
    run(key);
    setTimeout(() => {
      cooling.delete(key);
      if (state.dirty) fire(key);
    }, ms);
  };
  return (key: K) => {
    const state = cooling.get(key);
    if (state) state.dirty = true;
    else fire(key);
  };
}
