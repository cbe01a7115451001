/**
 * The media query a custom media name stands for, read from a stylesheet's
 * `@custom-media --name (query);` rules (src/styles/breakpoints.css), for
 * the scripts that call matchMedia(): the breakpoint is written once, in
 * CSS, and a script never repeats it.
 */
export function customMedia(css: string, name: string): string {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`@custom-media\\s+${escaped}\\s+([^;]+);`).exec(css.replace(/\/\*[\s\S]*?\*\//g, ''));
  if (!match) throw new Error(`no @custom-media ${name} in the stylesheet`);
  return match[1]!.trim();
}
