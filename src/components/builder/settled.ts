// The DOM after Svelte has applied the latest state changes (the next frame), for moving focus to
// a field just added. Svelte's own tick() would put its scheduler code into the runtime chunk every
// island loads, the self-check included (whose first JavaScript has a budget).
export function tick(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
