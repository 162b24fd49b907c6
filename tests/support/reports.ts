/**
 * Three small invented reports, written for the search, timeline and
 * statistics tests: officials of Portugal, Kenya and Türkiye (one with
 * diacritics and an alias), dated, month-only and undated meetings, a
 * counterpart-country meeting and one two-edition conference series.
 */
import type { Db } from 'mongodb';
import type { IngestArticleInput } from '../../src/generated/graphql';
import { ingestArticle } from '../../src/services/ingest';

export const reports: IngestArticleInput[] = [
  {
    url: 'https://news.example/2024/05/06/nairobi',
    title: 'Lima and Otieno open the Lusophone Trade Forum in Nairobi',
    source: 'Example Agency',
    publishedAt: '2024-05-06T10:00:00+03:00',
    body: [
      'Foreign Minister Ana Lima met her Kenyan counterpart John Otieno in Nairobi today.',
      'They discussed trade and coffee exports before the third Lusophone Trade Forum, organized by the Forum Secretariat.',
    ],
    officials: [
      { name: 'Ana Lima', title: 'Foreign Minister', organization: 'Ministry of Foreign Affairs', country: 'PT' },
      { name: 'John Otieno', title: 'Cabinet Secretary', country: 'KE' },
    ],
    meetings: [{ participants: ['Ana Lima', 'John Otieno'], date: '2024-05-06', city: 'Nairobi', country: 'KE', topics: ['Trade', 'coffee exports'] }],
    conferences: [
      {
        name: '3rd Lusophone Trade Forum',
        edition: 3,
        organizer: 'Forum Secretariat',
        city: 'Nairobi',
        country: 'KE',
        startDate: '2024-05-07',
        participants: ['Ana Lima', 'John Otieno'],
      },
    ],
  },
  {
    url: 'https://news.example/2024/06/01/lisbon',
    title: 'Energy talks in Lisbon',
    source: 'Example Agency',
    publishedAt: '2024-06-01T09:00:00Z',
    body: [
      'Mevlüt Çavuşoğlu, the Turkish envoy, met Ana Maria Lima in Lisbon on Saturday to discuss energy and trade.',
      'In June Ms Lima also received a delegation of Kenyan officials to talk about tourism.',
    ],
    officials: [
      { name: 'Mevlüt Çavuşoğlu', title: 'Special Envoy', country: 'TR' },
      { name: 'Ana Lima', aliases: ['Ana Maria Lima'], country: 'PT' },
    ],
    meetings: [
      { participants: ['Mevlüt Çavuşoğlu', 'Ana Maria Lima'], date: '2024-06-01', city: 'Lisbon', country: 'PT', topics: ['energy', 'TRADE'] },
      { participants: ['Ana Lima'], countries: ['KE'], date: '2024-06', city: 'Lisbon', country: 'PT', topics: ['tourism'] },
    ],
    conferences: [
      {
        name: '4th Lusophone Trade Forum',
        edition: 4,
        organizer: 'Forum Secretariat',
        city: 'Lisbon',
        country: 'PT',
        startDate: '2025',
        status: 'PLANNED',
        participants: ['Ana Lima'],
      },
    ],
  },
  {
    url: 'https://news.example/2024/07/10/ankara',
    title: 'Otieno in Ankara',
    source: 'Other Wire',
    publishedAt: '2024-07-10T12:00:00+03:00',
    body: ['John Otieno held talks with Mevlut Cavusoglu in Ankara on trade.', 'The two had also met earlier, at a date not given.'],
    officials: [
      { name: 'John Otieno', country: 'KE' },
      { name: 'Mevlut Cavusoglu', country: 'TR' },
    ],
    meetings: [
      { participants: ['John Otieno', 'Mevlut Cavusoglu'], date: '2024-07-10', city: 'Ankara', country: 'TR', topics: ['Trade'] },
      { participants: ['John Otieno', 'Mevlut Cavusoglu'], topics: ['visas'] },
    ],
  },
];

export async function seedReports(db: Db, now = new Date('2024-08-01T00:00:00Z')): Promise<void> {
  for (const report of reports) await ingestArticle(db, report, now);
}
