import { describe, expect, it } from 'vitest';
import { formatHistoryValue, type HistoryVocabulary, historyTextLimit } from './history-format.js';

const labels: Record<string, string> = {
  Azure: 'Microsoft Azure',
  DataAndAI: 'Data and AI',
  AdvancedAnalytics: 'Advanced analytics',
  SaaS: 'Software as a Service (SaaS)',
};
const words: HistoryVocabulary = {
  label: (_list, id) => labels[id] ?? id,
  yes: 'Yes',
  no: 'No',
  none: '(none)',
  state: (state) => (state === 'live' ? 'Live' : 'Draft'),
};

describe('formatHistoryValue', () => {
  it('names ids by their labels and joins lists', () => {
    expect(formatHistoryValue('platforms', ['Azure', 'Teams'], words)).toBe('Microsoft Azure, Teams');
    expect(formatHistoryValue('offerType', 'SaaS', words)).toBe('Software as a Service (SaaS)');
    expect(formatHistoryValue('markets', ['SE', 'US'], words)).toBe('SE, US');
  });

  it('writes solution areas with their sub-areas', () => {
    const value = [
      { area: 'DataAndAI', subAreas: ['AdvancedAnalytics'] },
      { area: 'Security', subAreas: [] },
    ];
    expect(formatHistoryValue('solutionAreas', value, words)).toBe(
      'Data and AI (Advanced analytics); Security',
    );
  });

  it('says when a value is empty, and words booleans and states', () => {
    expect(formatHistoryValue('platforms', [], words)).toBe('(none)');
    expect(formatHistoryValue('solutionType', null, words)).toBe('(none)');
    expect(formatHistoryValue('soldThroughCsp', true, words)).toBe('Yes');
    expect(formatHistoryValue('state', 'live', words)).toBe('Live');
  });

  it('shortens long texts', () => {
    const text = 'x'.repeat(historyTextLimit + 50);
    expect(formatHistoryValue('description', text, words)).toHaveLength(historyTextLimit + 1);
  });
});
