/** Where the article page marks facts and names: pure functions, so plain cases. */
import { findNames, locateSentence, segmentBody } from '../../web/explorer/highlight';

const body = ['Kamran Aliyev met Max Hill in London.', 'Aliyev thanked him. Hill agreed.'];
const text = body.join('\n\n');

test('evidence offsets are trusted only when they cut out the sentence', () => {
  expect(locateSentence(text, { sentence: 'Hill agreed.', start: 59, end: 71 })).toEqual({ start: 59, end: 71 });
  // Stale offsets: the sentence is searched for instead.
  expect(locateSentence(text, { sentence: 'Hill agreed.', start: 0, end: 12 })).toEqual({ start: 59, end: 71 });
  expect(locateSentence(text, { sentence: 'Nobody said this.', start: null, end: null })).toBeNull();
});

test('names match whole words, same case, the longer of two overlapping names winning', () => {
  const names = findNames(text, [
    { id: 'kamran', names: ['Kamran Aliyev', 'Aliyev'] },
    { id: 'hill', names: ['Max Hill', 'Hill'] },
  ]);
  expect(names.map((n) => [text.slice(n.start, n.end), n.officialId])).toEqual([
    ['Kamran Aliyev', 'kamran'],
    ['Max Hill', 'hill'],
    ['Aliyev', 'kamran'],
    ['Hill', 'hill'],
  ]);
  expect(findNames('Hillary and max hill', [{ id: 'hill', names: ['Hill'] }])).toEqual([]);
});

test('segments give each paragraph back unchanged, cut at every fact and name', () => {
  const facts = [{ start: 59, end: 71, number: 1 }];
  const names = findNames(text, [{ id: 'hill', names: ['Hill'] }]);
  const paragraphs = segmentBody(body, facts, names);
  expect(paragraphs.map((segments) => segments.map((s) => s.text).join(''))).toEqual(body);
  expect(paragraphs[1]).toEqual([
    { text: 'Aliyev thanked him. ', facts: [], officialId: null },
    { text: 'Hill', facts: [1], officialId: 'hill' },
    { text: ' agreed.', facts: [1], officialId: null },
  ]);
});
