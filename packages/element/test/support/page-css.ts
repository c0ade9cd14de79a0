// The page around the element in the theming tests: its own CSS (added to <head>, removed after each test) and what
// a person sees of colours, measured the way WCAG does.

const added: HTMLStyleElement[] = [];

/** Adds `text` to the page as a stylesheet of its own, the way a CMS theme or a designer's CSS would be. */
export function pageCss(text: string): void {
  const style = document.createElement('style');
  style.textContent = text;
  document.head.append(style);
  added.push(style);
}

/** Removes every stylesheet {@link pageCss} added; call it in `afterEach`. */
export function removePageCss(): void {
  for (const style of added.splice(0)) style.remove();
}

/** The channels of a computed `rgb()`/`rgba()` colour, alpha last (1 when absent). */
export function channels(color: string): [number, number, number, number] {
  const numbers = color.match(/[\d.]+/gu)?.map(Number) ?? [];
  if (!color.startsWith('rgb') || numbers.length < 3) throw new Error(`not an rgb() colour: ${color}`);
  return [numbers[0]!, numbers[1]!, numbers[2]!, numbers[3] ?? 1];
}

/** WCAG 2.2's relative luminance of an opaque colour. */
function luminance(color: string): number {
  const [r, g, b] = channels(color).map((value) => {
    const s = value / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2.2's contrast ratio of two opaque colours. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** The parent in the flattened tree: the slot a node is assigned to, else its parent, else its shadow host. */
function flatParent(node: Element): Element | null {
  return node.assignedSlot ?? node.parentElement ?? (node.getRootNode() as ShadowRoot).host ?? null;
}

/** The colour painted behind `node`: the first opaque background on its way up the flattened tree. */
export function backgroundBehind(node: Element): string {
  for (let at: Element | null = node; at; at = flatParent(at)) {
    const background = getComputedStyle(at).backgroundColor;
    if (channels(background)[3] === 1) return background;
  }
  return 'rgb(255, 255, 255)';
}
