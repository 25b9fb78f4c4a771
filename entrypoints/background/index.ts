export default defineBackground(() => {
  // Wiring only; the checker host lands with the engine.
});
