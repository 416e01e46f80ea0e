import type { LightMyRequestResponse } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateTemplate } from '../../scripts/document-templates/generate-template.js';
import { documentTemplates } from '../../src/domain/documents/templates.js';
import { createPersonas, type PersonaName, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, type TestApp } from '../support/test-app.js';

const LIST = '/api/v1/co-sell/document-templates';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

const SELLER_HEADINGS = [
  "The customer's problem",
  'Our solution',
  'Industries and customers we serve',
  'How it compares',
  'Proof (results, quotes, references)',
];

interface ListedTemplate {
  id: string;
  slot: string;
  flavour?: string;
  format: 'docx' | 'pptx';
  fileName: string;
  title: string;
  url: string;
}

/** The text of an Office XML part: tags dropped, entities decoded. */
function xmlText(xml: string): string {
  return xml
    .replace(/<[^>]+>/g, ' ')
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Every part's text of a downloaded package, unzipped with JSZip (not the code that wrote it). */
async function unzip(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const file of Object.values(zip.files)) {
    if (!file.dir) parts.set(file.name, await file.async('string'));
  }
  return parts;
}

describe('document templates', () => {
  let t: TestApp;
  let personas: Personas;

  beforeAll(async () => {
    t = await createTestApp();
    personas = await createPersonas(t.app);
  });
  afterAll(() => t?.close());

  const get = (url: string, headers: Record<string, string> = personas.byName.seller.headers) =>
    t.app.inject({ method: 'GET', url, headers });

  async function list(): Promise<{ items: ListedTemplate[]; guidance: Record<string, string[]> }> {
    const response = await get(LIST);
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  async function download(id: string): Promise<LightMyRequestResponse> {
    const response = await get(`${LIST}/${id}`);
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    return response;
  }

  it('lists six templates: four one-pager flavours, the presentation and the case study', async () => {
    const { items } = await list();
    expect(items).toHaveLength(6);
    const onePagers = items.filter((item) => item.slot === 'customerOnePager');
    expect(onePagers.map((item) => item.flavour)).toEqual([
      'Azure',
      'Dynamics 365',
      'Microsoft 365',
      'Windows',
    ]);
    expect(onePagers.every((item) => item.format === 'docx')).toBe(true);
    expect(items.find((item) => item.slot === 'customerPresentation')).toMatchObject({
      id: 'customerPresentation',
      format: 'pptx',
      url: `${LIST}/customerPresentation`,
    });
    expect(items.find((item) => item.slot === 'customerCaseStudy')).toMatchObject({
      id: 'customerCaseStudy',
      format: 'docx',
    });
    for (const item of items) {
      expect(item.url).toBe(`${LIST}/${item.id}`);
      expect(item.fileName.endsWith(`.${item.format}`)).toBe(true);
    }
  });

  it('explains what a reference architecture diagram shows, and guides every slot', async () => {
    const { guidance } = await list();
    const diagram = guidance.referenceArchitectureDiagram?.join(' ') ?? '';
    expect(diagram).toMatch(/cloud services that host the offer and generate consumption/i);
    expect(diagram).toMatch(/data connections and stores/i);
    expect(diagram).toMatch(/security and authentication/i);
    expect(diagram).toMatch(/user interfaces/i);
    expect(diagram).toMatch(/hybrid or on-premises integration/i);
    for (const slot of [
      'customerOnePager',
      'customerPresentation',
      'customerCaseStudy',
      'verifiableCustomerWins',
      'channelPitchDeck',
      'otherDocuments',
    ]) {
      expect(guidance[slot]?.length, slot).toBeGreaterThan(0);
    }
  });

  it('serves every template as a real Office file with the headings a seller needs', async () => {
    const { items } = await list();
    for (const item of items) {
      const response = await download(item.id);
      const bytes = response.rawPayload;
      expect(response.headers['content-type']).toBe(item.format === 'docx' ? DOCX : PPTX);
      expect(Number(response.headers['content-length'])).toBe(bytes.length);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

      const parts = await unzip(bytes);
      expect(parts.has('[Content_Types].xml')).toBe(true);
      expect(xmlText(parts.get('docProps/core.xml') ?? '')).toContain(item.title);
      if (item.format === 'docx') {
        const text = xmlText(parts.get('word/document.xml') ?? '');
        expect(text).toContain(item.title);
        if (item.slot === 'customerCaseStudy') {
          for (const heading of ['Customer', 'Challenge', 'Solution', 'Results', 'Quote']) {
            expect(text).toContain(heading);
          }
        } else {
          for (const heading of SELLER_HEADINGS) expect(text, `${item.id}: ${heading}`).toContain(heading);
          expect(text).toContain(`Built ${item.flavour === 'Windows' ? 'for' : 'on'} ${item.flavour}`);
        }
        // The instructions are in italics.
        expect(parts.get('word/document.xml')).toMatch(/<w:i\/>|<w:i /);
      } else {
        expect(parts.has('ppt/slides/slide1.xml')).toBe(true);
        expect(parts.has('ppt/slides/slide6.xml')).toBe(true);
        const slides = [...parts]
          .filter(([name]) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
          .map(([, xml]) => xmlText(xml))
          .join(' ');
        for (const heading of SELLER_HEADINGS) expect(slides, heading).toContain(heading);
        expect(parts.get('ppt/slides/slide2.xml')).toMatch(/ i="1"/);
      }
    }
  });

  it('writes the Azure one-pager about Azure services', async () => {
    const parts = await unzip((await download('customerOnePager-azure')).rawPayload);
    const text = xmlText(parts.get('word/document.xml') ?? '');
    expect(text).toContain('Azure');
    expect(text).toMatch(/Azure services the offer runs on and consumes/);
    const dynamics = xmlText(
      (await unzip((await download('customerOnePager-dynamics365')).rawPayload)).get('word/document.xml') ??
        '',
    );
    expect(dynamics).toMatch(/Dynamics 365 apps the offer extends/);
    expect(dynamics).not.toContain('Built on Azure');
  });

  it('names the file in Content-Disposition', async () => {
    const response = await download('customerOnePager-microsoft365');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="Customer one-pager (Microsoft 365).docx"; filename*=UTF-8''Customer%20one-pager%20%28Microsoft%20365%29.docx`,
    );
    expect((await download('customerPresentation')).headers['content-disposition']).toContain(
      'filename="Customer presentation.pptx"',
    );
  });

  it('serves the bytes the generator makes at any time: the build is reproducible', async () => {
    // Generated now with the clock years away from the build's: any time stamped into a file would differ.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2031-07-15T13:37:11Z'));
      for (const template of documentTemplates) {
        const served = (await download(template.id)).rawPayload;
        expect(served.equals(await generateTemplate(template)), template.id).toBe(true);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('documents the download as a binary DOCX or PPTX body in OpenAPI', async () => {
    const doc = (await get('/api/openapi.json', {})).json();
    const download = doc.paths[`${LIST}/{templateId}`].get.responses;
    for (const type of [DOCX, PPTX]) {
      expect(download['200'].content[type].schema).toMatchObject({ type: 'string', format: 'binary' });
    }
    expect(download['404'].content['application/json']).toBeDefined();
  });

  it('answers an unknown template with 404', async () => {
    const response = await get(`${LIST}/customerOnePager-linux`);
    expect(response.statusCode).toBe(404);
    expect(errorBody(response).error).toBe('not_found');
  });

  it('lets every persona with a role download, a seller included', async () => {
    const allowed: PersonaName[] = [
      'contosoOwner',
      'contosoEditor',
      'contosoViewer',
      'fabrikamOwner',
      'seller',
      'reseller',
      'reviewer',
      'admin',
    ];
    for (const name of allowed) {
      const headers = personas.byName[name].headers;
      expect((await get(LIST, headers)).statusCode, name).toBe(200);
      expect((await get(`${LIST}/customerCaseStudy`, headers)).statusCode, name).toBe(200);
    }
  });

  it('refuses a customer with 403 and an anonymous caller with 401', async () => {
    for (const url of [LIST, `${LIST}/customerCaseStudy`, `${LIST}/no-such-template`]) {
      const customer = await get(url, personas.byName.customer.headers);
      expect(customer.statusCode, url).toBe(403);
      expect(errorBody(customer).error).toBe('forbidden');
      const anonymous = await get(url, {});
      expect(anonymous.statusCode, url).toBe(401);
      expect(errorBody(anonymous).error).toBe('unauthenticated');
    }
  });
});
