import { createContext, useContext } from 'react';

/**
 * Opens the model documentation at a section (heading anchor). Apart from the panel itself, so that
 * what links to the documentation does not load it (and its Markdown renderer) with the first page.
 */
export const DocsContext = createContext<(anchor: string) => void>(() => {});
export const useDocs = () => useContext(DocsContext);
