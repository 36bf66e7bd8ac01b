// citeproc-js ships no types: the part of its API the citation room uses.
declare module 'citeproc' {
  interface CiteprocSys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }
  export class Engine {
    constructor(sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean);
    setOutputFormat(format: 'html' | 'text' | 'rtf'): void;
    updateItems(ids: string[]): void;
    makeBibliography(): false | [{ bibstart: string; bibend: string; entry_ids: string[][] }, string[]];
    makeCitationCluster(cites: Array<{ id: string; locator?: string; label?: string; prefix?: string }>): string;
    opt: { xclass: 'in-text' | 'note' };
  }
  const CSL: { Engine: typeof Engine };
  export default CSL;
}
