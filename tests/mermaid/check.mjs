// Parses each file given with the real Mermaid parser (in jsdom, no
// browser). Exits 1 if any fails. Set up with `npm ci` in this folder.
// For a journey diagram it also prints how many tasks Mermaid read
// (`tasks=N`), so that a name taken for a statement, which drops its task
// without an error, is caught too.
import { JSDOM } from 'jsdom';
import fs from 'fs';
const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
let failed = 0;
for (const file of process.argv.slice(2)) {
  let text = fs.readFileSync(file, 'utf8');
  // Snapshot files: drop insta's header and our warnings.
  if (text.startsWith('---\nsource:')) {
    text = text.split('\n---\n').slice(1).join('\n---\n');
    text = text.split('\n---- warnings ----')[0];
  }
  try {
    const r = await mermaid.parse(text);
    let extra = '';
    if (r && r.diagramType === 'journey') {
      const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
      extra = ` tasks=${diagram.db.getTasks().length}`;
    }
    console.log('ok', file, r && r.diagramType + extra);
  } catch (e) {
    failed++;
    console.log('FAIL', file, String(e.message || e).slice(0, 400));
  }
}
process.exit(failed ? 1 : 0);
