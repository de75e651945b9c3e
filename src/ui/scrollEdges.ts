/**
 * Marks a horizontally scrolling box's frame with `data-more-left` / `data-more-right` while there is
 * more to see that way, so CSS can shade that edge: a cut-off column otherwise looks like the end of
 * the table. Attributes, not state: scrolling re-renders nothing. The box or its table may be the
 * one that scrolls (on a phone the table is its own scrolling block), so both are watched.
 */
export function watchScrollEdges(frame: HTMLElement, box: HTMLElement): () => void {
  const scrollers = [box, box.firstElementChild].filter((e): e is HTMLElement => e instanceof HTMLElement);
  const mark = () => {
    const s = scrollers.find((e) => e.scrollWidth - e.clientWidth > 1);
    frame.toggleAttribute('data-more-left', !!s && s.scrollLeft > 1);
    frame.toggleAttribute('data-more-right', !!s && s.scrollLeft < s.scrollWidth - s.clientWidth - 1);
  };
  mark();
  const resized = new ResizeObserver(mark);
  for (const e of scrollers) {
    e.addEventListener('scroll', mark, { passive: true });
    resized.observe(e);
  }
  return () => {
    for (const e of scrollers) e.removeEventListener('scroll', mark);
    resized.disconnect();
  };
}
