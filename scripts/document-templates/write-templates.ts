// Writes every document template to dist/templates/, where the server serves them from. Build time only:
// docx and pptxgenjs are devDependencies. Run with `npm run build:templates` (part of build:server);
// scripts/build-if-stale.mjs runs it when its inputs changed.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { documentTemplates } from '../../src/domain/documents/templates.js';
import { templateFilePath, templatesRoot } from '../../src/server/templates/index.js';
import { generateTemplate } from './generate-template.js';

mkdirSync(templatesRoot, { recursive: true });
for (const template of documentTemplates) {
  const path = templateFilePath(template);
  // Written aside, then renamed over: a server or test reading the folder meanwhile sees a whole file.
  const staging = `${path}.${process.pid}.tmp`;
  writeFileSync(staging, await generateTemplate(template));
  renameSync(staging, path);
}
console.log(`wrote ${documentTemplates.length} document templates to ${templatesRoot}`);
