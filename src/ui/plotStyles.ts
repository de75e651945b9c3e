/**
 * Observable Plot puts a <style> element in every chart and legend. The app's Content-Security-Policy
 * (style-src 'self', no 'unsafe-inline') blocks such elements and reports each one, so the chart would
 * lose those rules. Style set through the CSSOM is allowed, so each distinct rule text moves into a
 * constructed style sheet the document adopts, and the element is removed before the chart is shown.
 * Plot's inline style attributes need nothing: it sets them through the CSSOM (element.style) too.
 */
const adopted = new Set<string>();

/** Plot's rule texts seen so far, for a standalone copy of a chart (the SVG export). */
export function plotCss(): string {
  return [...adopted].join('\n');
}

/** Removes the <style> elements of a chart not yet in the document; their rules apply page-wide. */
export function adoptPlotStyles<T extends Element>(chart: T): T {
  for (const style of chart.querySelectorAll('style')) {
    const text = style.textContent ?? '';
    if (!adopted.has(text)) {
      adopted.add(text);
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }
    style.remove();
  }
  return chart;
}
